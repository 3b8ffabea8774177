#!/usr/bin/env node
// Tiny shim: the installed command runs the compiled CLI (build with `npm run build`).
// CommonJS on purpose: Node loads it faster than ES modules, and start-up time is felt on every call.
"use strict";
require("../dist/cli.js").run(process.argv.slice(2));
