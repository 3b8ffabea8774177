/** End to end: the built command's `--html` (stdout, stderr, exit code), as a user runs it: `cnn-drill conv … --html > conv.html`. */
import { describe, expect, it } from "vitest";
import { runBuilt } from "../helpers/cli.js";

describe("cnn-drill <calculator> --html (built)", () => {
  it("conv: a whole page on stdout, nothing on stderr, exit 0", () => {
    const result = runBuilt(["conv", "--input", "1 2 3; 4 5 6; 7 8 9", "--kernel", "1 0; 0 -1", "--html"]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">\n/);
    expect(result.stdout).toContain("<title>Cross-correlation (what PyTorch&#39;s conv2d computes: the kernel is not flipped)</title>");
    expect(result.stdout).toContain("<math");
    expect(result.stdout.endsWith("</html>\n")).toBe(true);
  });

  it("pool --lang ko: a Korean page", () => {
    const result = runBuilt(["pool", "--input", "1 2 1; 1 9 1; 1 1 1", "--size", "2", "--stride", "1", "--html", "--lang", "ko"]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="ko">\n/);
    expect(result.stdout).toContain("최댓값");
  });

  it("gate xor: the page, exit 0", () => {
    const result = runBuilt(["gate", "xor", "--html"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("Outputs for 00, 01, 10, 11: 0, 1, 1, 0");
  });

  it("throws when --html comes with --json: exit 2, one error line and a hint, nothing on stdout", () => {
    const result = runBuilt(["roi", "--input", "1 2; 3 4", "--box", "0,0,1,1", "--output", "1", "--json", "--html"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("error: --html: cannot be used with --json\nhint: use --json for the numbers, or --html for a page to read or print\n");
  });

  it("bad input with --html: the usual input error, nothing half-printed", () => {
    const result = runBuilt(["spp", "--input", "1 2; 3", "--levels", "1", "--html"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")[0]).toMatch(/^error: --input: /);
  });
});
