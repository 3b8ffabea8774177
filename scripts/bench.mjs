#!/usr/bin/env node
// Benchmarks for the closing notes and the README (not a test: timings depend on the machine).
// 1. Start-up: a small worked answer vs a bare `node -e 0` (median of several runs).
// 2. Throughput: a 1024×1024 input from stdin, 3×3 kernel, gradient, --json; vs node merely parsing
//    and printing the same amount of JSON; peak memory of the command.
// 3. The same with the input as JSON on stdin (and the gradient as JSON), against node parsing both and printing the output.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../bin/cnn-drill.js", import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);

function timeOnce(args, input) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { input, maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: "1" } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function medianTime(args, input, count = runs) {
  timeOnce(args, input); // warm the file cache
  return median(Array.from({ length: count }, () => timeOnce(args, input).ms));
}

/** Peak resident memory of a child, in MiB, read from /proc while it runs is racy; use GNU time when present. */
function peakMemoryMiB(args, input) {
  const result = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, ...args], { input, maxBuffer: 1 << 30 });
  if (result.error || result.status !== 0) return undefined;
  const lines = result.stderr.toString().trim().split("\n");
  return Number(lines[lines.length - 1]) / 1024;
}

const report = [];

// 1. Start-up
const bare = medianTime(["-e", "0"]);
const small = medianTime([bin, "conv", "--input", "1 2 3; 4 5 6; 7 8 9", "--kernel", "1 0; 0 -1"]);
report.push(["node -e 0 (median)", `${bare.toFixed(0)} ms`]);
report.push(["cnn-drill conv 3×3 * 2×2 worked answer (median)", `${small.toFixed(0)} ms  (${(small / bare).toFixed(2)}× node -e 0; target ≤ 1.5×)`]);

// 2. 1024×1024 from stdin
const folder = mkdtempSync(join(tmpdir(), "cnn-drill-bench-"));
try {
  const n = 1024;
  let state = 12345;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) % 19) - 9;
  const rows = (h, w) => Array.from({ length: h }, () => Array.from({ length: w }, next).join(" ")).join("\n");
  const inputText = rows(n, n);
  const gradPath = join(folder, "grad.txt");
  writeFileSync(gradPath, rows(n - 2, n - 2));
  const args = [bin, "conv", "--input", "-", "--kernel", "1 0 -1; 2 0 -2; 1 0 -1", "--grad", `@${gradPath}`, "--json"];
  const { stdout } = timeOnce(args, inputText);
  const jsonPath = join(folder, "out.json");
  writeFileSync(jsonPath, stdout);
  const big = medianTime(args, inputText, Math.min(runs, 7));
  const baselineScript = "let s='';process.stdin.setEncoding('utf8');process.stdin.on('data',d=>s+=d).on('end',()=>process.stdout.write(JSON.stringify(JSON.parse(s))))";
  const json = readFileSync(jsonPath);
  const baseline = medianTime(["-e", baselineScript], json, Math.min(runs, 7));
  const memory = peakMemoryMiB(args, inputText);
  report.push(["conv 1024×1024 from stdin + 3×3 kernel + grad, --json (median)", `${big.toFixed(0)} ms`]);
  report.push([`node parsing and printing the same JSON (${(json.length / 1e6).toFixed(1)} MB)`, `${baseline.toFixed(0)} ms  (ratio ${(big / baseline).toFixed(2)}; target ≤ 2)`]);
  report.push(["peak memory of that run", memory === undefined ? "unknown (no /usr/bin/time)" : `${memory.toFixed(0)} MiB (target < 200 MiB)`]);

  // 3. The same problem with the input as JSON on stdin and the gradient as a JSON file. Its floor is
  //    node reading and parsing both JSON texts and printing the same output JSON (what any
  //    JSON-in, JSON-out program must do).
  const toJson = (text) => JSON.stringify(text.split("\n").map((row) => row.split(" ").map(Number)));
  const inputJson = toJson(inputText);
  const gradJsonPath = join(folder, "grad.json");
  writeFileSync(gradJsonPath, toJson(readFileSync(gradPath, "utf8")));
  const jsonArgs = [bin, "conv", "--input", "-", "--kernel", "1 0 -1; 2 0 -2; 1 0 -1", "--grad", `@${gradJsonPath}`, "--json"];
  const { stdout: jsonStdout } = timeOnce(jsonArgs, inputJson);
  if (!jsonStdout.equals(stdout)) throw new Error("JSON input gave a different answer than text input");
  const bigJson = medianTime(jsonArgs, inputJson, Math.min(runs, 7));
  const read = (path) => `JSON.parse(require('fs').readFileSync(${JSON.stringify(path)},'utf8'))`;
  const floorScript = `let s='';process.stdin.setEncoding('utf8');process.stdin.on('data',d=>s+=d).on('end',()=>{JSON.parse(s);${read(gradJsonPath)};process.stdout.write(JSON.stringify(${read(jsonPath)}))})`;
  const jsonFloor = medianTime(["-e", floorScript], inputJson, Math.min(runs, 7));
  const jsonMemory = peakMemoryMiB(jsonArgs, inputJson);
  report.push(["conv 1024×1024 as JSON on stdin + 3×3 kernel + grad as JSON, --json (median)", `${bigJson.toFixed(0)} ms`]);
  report.push([`node parsing the same JSON inputs (${((inputJson.length * 2) / 1e6).toFixed(1)} MB) and printing the output JSON`, `${jsonFloor.toFixed(0)} ms  (ratio ${(bigJson / jsonFloor).toFixed(2)}; target ≤ 1.5)`]);
  report.push(["peak memory of that run", jsonMemory === undefined ? "unknown (no /usr/bin/time)" : `${jsonMemory.toFixed(0)} MiB (target < 200 MiB)`]);
} finally {
  rmSync(folder, { recursive: true, force: true });
}

const width = Math.max(...report.map(([label]) => label.length));
for (const [label, value] of report) console.log(`${label.padEnd(width)}  ${value}`);
