/**
 * The package as a user gets it: `npm pack`, then a global install of the tarball into a temporary
 * prefix (production dependencies only), then the installed command run from an unrelated folder.
 * Uses the built dist/ (npm test builds before vitest runs) and npm's cache (filled by `npm ci`).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { temporaryFolders } from "./helpers/temp.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { tempDir } = temporaryFolders();

/** npm's own variables from the `npm test` that runs us would leak its settings into the child npm. */
function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^npm_/i.test(key)) env[key] = value;
  }
  return { ...env, NO_COLOR: "1", ...extra };
}

interface PackedFile { path: string }

function packedFiles(): string[] {
  const json = execFileSync("npm", ["pack", "--dry-run", "--ignore-scripts", "--json"], { cwd: ROOT, env: cleanEnv(), encoding: "utf8" });
  return (JSON.parse(json) as { files: PackedFile[] }[])[0].files.map((file) => file.path);
}

describe("the packed tarball", () => {
  it("carries the licence, the README and its pictures, the build and the bank; nothing from tests or sources", () => {
    const files = packedFiles();
    for (const needed of ["LICENSE", "README.md", "package.json", "bin/cnn-drill.js", "dist/cli.js", "dist/index.d.ts", "docs/exam-screenshot.png"]) {
      expect(files, needed).toContain(needed);
    }
    expect(files.some((file) => file.startsWith("questions/") && file.endsWith(".yaml"))).toBe(true);
    const development = files.filter((file) => /^(src|test|scripts|\.ci)\//.test(file) || /tsconfig|vitest|\.ts$/.test(file) && !file.endsWith(".d.ts"));
    expect(development).toEqual([]);
  });

  describe("installed into a temporary prefix with production dependencies only", () => {
    let command = "";
    let elsewhere = "";

    beforeAll(() => {
      const packDir = tempDir("cnn-drill-pack-");
      execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", packDir], { cwd: ROOT, env: cleanEnv(), stdio: "ignore" });
      const tarball = join(packDir, readdirSync(packDir).find((name) => name.endsWith(".tgz")) ?? "");
      const prefix = tempDir("cnn-drill-prefix-");
      execFileSync("npm", ["install", "--global", "--prefix", prefix, "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", tarball], {
        cwd: packDir,
        env: cleanEnv(),
        stdio: "ignore",
      });
      command = join(prefix, "bin", "cnn-drill");
      elsewhere = tempDir("cnn-drill-elsewhere-");
    }, 180_000);

    function installed(args: string[]): { stdout: string; stderr: string; exitCode: number } {
      const result = spawnSync(command, args, { cwd: elsewhere, encoding: "utf8", input: "", env: cleanEnv({ CNN_DRILL_HOME: elsewhere }) });
      return { stdout: result.stdout, stderr: result.stderr, exitCode: result.status ?? -1 };
    }

    it("installs the command and no development dependency", () => {
      expect(existsSync(command)).toBe(true);
      const modules = readdirSync(join(command, "..", "..", "lib", "node_modules", "cnn-drill", "node_modules"));
      expect(modules).toContain("commander");
      for (const dev of ["vitest", "typescript", "tsx", "fast-check", "dependency-cruiser", "playwright-core"]) expect(modules).not.toContain(dev);
    });

    it("conv: the worked answer", () => {
      const result = installed(["conv", "--input", "1 2 3; 4 5 6; 7 8 9", "--kernel", "1 0; 0 -1"]);
      expect(result.stderr).toBe("");
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain("s11 = a11·w11 + a12·w12 + a21·w21 + a22·w22");
    });

    it("quiz without a terminal: says how to practise instead, exit 2", () => {
      const result = installed(["quiz"]);
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/problem/);
      expect(result.stderr).toMatch(/check/);
    });

    it("exam: a mock exam with its answer key, read from the installed question bank", () => {
      const result = installed(["exam", "--seed", "3", "--count", "4", "--answers"]);
      expect(result.stderr).toBe("");
      expect(result.exitCode).toBe(0);
      expect(result.stdout.split("\n").length).toBeGreaterThan(20);
    });
  });
});
