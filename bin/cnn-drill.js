#!/usr/bin/env node
// Tiny shim: the installed command runs the compiled CLI (build with `npm run build`).
import { run } from "../dist/cli.js";

run(process.argv.slice(2));
