import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { VERSION } from "../src/version.js";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

describe("package", () => {
  it("keeps src/version.ts equal to package.json", () => {
    expect(VERSION).toBe(pkg.version);
  });

  it("installs the cnn-drill command from bin/", () => {
    expect(pkg.bin).toEqual({ "cnn-drill": "bin/cnn-drill.js" });
  });

  it("exports the engine as a typed library (import { conv2d } from \"cnn-drill\")", async () => {
    expect(pkg.exports["."].types).toBe("./dist/index.d.ts");
    const library = await import("cnn-drill");
    const output = library.conv2d(library.fromRows([[1, 2, 3], [4, 5, 6], [7, 8, 9]]), library.fromRows([[1, 2], [3, 4]]));
    expect(library.toNested(output)).toEqual([[37, 47], [67, 77]]);
  });
});
