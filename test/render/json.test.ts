import { describe, expect, it } from "vitest";
import { tensor } from "../../src/engine/tensor.js";
import { jsonReady, jsonText } from "../../src/render/json.js";
import { seededRandom } from "../helpers/random.js";

describe("jsonText", () => {
  it("writes negative zero as 0 and skips undefined keys", () => {
    expect(jsonText({ a: tensor([2], [-0, 1.5]), b: undefined, c: -0, d: [1, "x"] })).toBe('{"a":[0,1.5],"c":0,"d":[1,"x"]}');
  });

  it.each([[[]], [[3]], [[2, 3]], [[2, 1, 3]], [[2, 2, 1, 2]]])("equals JSON.stringify of nested arrays for shape %j", (shape) => {
    const random = seededRandom(shape.length + 1);
    const size = shape.reduce((a, b) => a * b, 1);
    const t = tensor(shape, Array.from({ length: size }, () => (random() - 0.5) * 10 ** Math.floor(random() * 30 - 10)));
    const value = { output: t, list: [t, 2], nested: { gradBias: [1, -0.25] } };
    expect(jsonText(value)).toBe(JSON.stringify(jsonReady(value)));
    expect(JSON.parse(jsonText(value))).toEqual(jsonReady(value));
  });
});
