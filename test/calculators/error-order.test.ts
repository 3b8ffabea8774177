/**
 * With several bad inputs, the error users see is the first one the calculator reads: setup asks for
 * its options in that order (the same as before the calculators became specs).
 */
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/cli.js";

describe("several bad inputs: the first read is the one reported", () => {
  it.each([
    [["pool", "--input", "1 x", "--exclude-pad", "--size", "2"], "error: --exclude-pad: --exclude-pad only changes average pooling"],
    [["pool", "--input", "1 2; 3 4", "--type", "maxx", "--size", "0"], "error: --type: \"maxx\" is not one of max, avg"],
    [["conv", "--input", "1 2 3; 4 5 6; 7 8 9", "--kernel", "5 5 5 5; 1 1 1 1; 1 1 1 1; 1 1 1 1", "--grad", "x"], "error: --kernel: the kernel spans 4×4 but the padded input is only 3×3"],
    [["rf", "--layers", "conv0", "--input-size", "x"], "error: --input-size:"],
    [["gate", "and", "--weights", "x"], "error: --weights: cannot be used together with the gate name \"and\""],
  ])("%j → %s", async (args, first) => {
    const result = await runInProcess(args);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.startsWith(first)).toBe(true);
  });
});
