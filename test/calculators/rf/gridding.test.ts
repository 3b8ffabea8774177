/** The gridding effect is a property of stacked dilated layers: one dilated layer's holes are its kernel's gaps. */
import { describe, expect, it } from "vitest";
import { runInProcess } from "../../helpers/cli.js";

describe("rf: what the holes in the field come from", () => {
  it("two dilated 3×3 layers (d = 2): 25 of 9×9 read, the gridding effect", async () => {
    const result = await runInProcess(["rf", "--layers", "conv3d2,conv3d2", "--input-size", "16"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("25 of the 9×9 pixels in the field's extent are read: stacked dilated layers leave holes that no later layer fills (the gridding effect).");
  });

  it("one dilated 3×3 layer (d = 2): 9 of 5×5 read, the gaps between the taps, no gridding effect named", async () => {
    const result = await runInProcess(["rf", "--layers", "conv3d2", "--input-size", "9"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("9 of the 5×5 pixels in the field's extent are read: the holes are the gaps between the dilated kernel's taps.");
    expect(result.stdout).not.toContain("gridding");
  });

  it("in Korean, the same distinction", async () => {
    const one = await runInProcess(["rf", "--layers", "conv3d2", "--input-size", "9", "--lang", "ko"]);
    expect(one.stdout).toContain("구멍은 팽창된 커널의 원소 사이 간격입니다");
    const two = await runInProcess(["rf", "--layers", "conv3d2,conv3d2", "--input-size", "16", "--lang", "ko"]);
    expect(two.stdout).toContain("(그리딩 효과)");
  });
});
