/**
 * The dependency rule (.dependency-cruiser.cjs, run by `npm test`) catches what it is for: a cycle
 * made of type-only and dynamic imports, and an upward import. Checked on a small tree in a temporary folder.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { temporaryFolders } from "../helpers/temp.js";

const { tempDir } = temporaryFolders();
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DEPCRUISE = join(ROOT, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");

function cruise(files: Record<string, string>): { status: number | null; output: string } {
  const dir = tempDir("cnn-drill-depcruise-");
  copyFileSync(join(ROOT, ".dependency-cruiser.cjs"), join(dir, ".dependency-cruiser.cjs"));
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "CommonJS", moduleResolution: "Node10", strict: true }, include: ["src"] }));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const run = spawnSync(process.execPath, [DEPCRUISE, "src", "--config", ".dependency-cruiser.cjs"], { cwd: dir, encoding: "utf8" });
  return { status: run.status, output: run.stdout + run.stderr };
}

describe("the dependency rule", () => {
  it("fails on an upward type import and on a cycle of type-only and dynamic imports, and passes a clean tree", () => {
    const bad = cruise({
      "src/engine/tensor.ts": 'import type { Ui } from "../ui/context.js";\nexport type T = Ui;\n',
      "src/ui/context.ts": "export interface Ui { lang: string }\n",
      "src/quiz/a.ts": 'import type { B } from "./b.js";\nexport type A = B;\n',
      "src/quiz/b.ts": 'export const load = async () => (await import("./a.js"));\nexport type B = number;\n',
    });
    expect(bad.status).not.toBe(0);
    expect(bad.output).toContain("engine-imports-only-below: src/engine/tensor.ts → src/ui/context.ts");
    expect(bad.output).toMatch(/no-cycles: src\/quiz\/(a|b)\.ts →\s+src\/quiz\/(a|b)\.ts/);

    const clean = cruise({
      "src/engine/tensor.ts": "export type T = number;\n",
      "src/ui/context.ts": 'import type { T } from "../engine/tensor.js";\nexport interface Ui { size: T }\n',
    });
    expect(clean.output).toContain("no dependency violations found");
    expect(clean.status).toBe(0);
  });
});
