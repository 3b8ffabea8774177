// Development entry: runs the TypeScript sources directly with tsx (`npm run dev -- conv …`).
import { run } from "../src/cli.js";

void run(process.argv.slice(2));
