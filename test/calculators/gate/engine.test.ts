/**
 * Perceptron gates: textbook truth tables, exact weighted sums (step(0) = 0), XOR through its hidden
 * units, the plane pictures, linear separability as a property, and a `throws when …` test per check.
 */
import { describe, expect, it } from "vitest";
import { inputErrorOf } from "../../helpers/errors.js";
import {
  fire, gateOfOutputs, gateTable, INPUT_PAIRS, makePerceptron, makeXorUnit, parseGateName, perceptronTable, TEXTBOOK_PERCEPTRONS, xorNetwork, type Bit,
} from "../../../src/engine/gates.js";
import { explainGate, planePicture } from "../../../src/calculators/gate/explain.js";
import { mulberry32 } from "../../../src/drill/random.js";


describe("textbook gates", () => {
  it.each([
    ["and", [0, 0, 0, 1]],
    ["or", [0, 1, 1, 1]],
    ["nand", [1, 1, 1, 0]],
    ["nor", [1, 0, 0, 0]],
    ["xor", [0, 1, 1, 0]],
  ])("%s gives %j for 00, 01, 10, 11", (name, outputs) => {
    expect(gateTable(parseGateName(name)).outputs).toEqual(outputs);
  });

  it("and (0.5, 0.5, b −0.7): sums −0.7, −0.2, −0.2, 0.3 exactly", () => {
    const table = perceptronTable(TEXTBOOK_PERCEPTRONS.and, "and");
    expect(table.rows.map((row) => row.firing.sum)).toEqual([-0.7, -0.2, -0.2, 0.3]);
    expect(table.rows.map((row) => row.inputs)).toEqual(INPUT_PAIRS);
  });

  it("xor = AND(NAND, OR): hidden columns nand 1,1,1,0 and or 0,1,1,1, output sums −0.2, 0.3, 0.3, −0.2", () => {
    const network = xorNetwork();
    expect(network.rows.map((row) => row.nand.output)).toEqual([1, 1, 1, 0]);
    expect(network.rows.map((row) => row.or.output)).toEqual([0, 1, 1, 1]);
    expect(network.rows.map((row) => row.and.inputs)).toEqual([[1, 0], [1, 1], [1, 1], [0, 1]]);
    expect(network.rows.map((row) => row.and.sum)).toEqual([-0.2, 0.3, 0.3, -0.2]);
    expect(network.rows.map((row) => row.nand.sum)).toEqual([0.7, 0.2, 0.2, -0.3]);
  });

  it("gate names ignore case and spaces: \" XOR \"", () => {
    expect(parseGateName(" XOR ")).toBe("xor");
  });
});

describe("exact weighted sums", () => {
  it("w = (0.1, 0.2), b = −0.3 at 11: z is exactly 0, so step(0) = 0 (floats would say 5.6e-17 > 0)", () => {
    expect(0.1 + 0.2 - 0.3).toBeGreaterThan(0);
    const firing = fire(makePerceptron([0.1, 0.2], -0.3), [1, 1]);
    expect([firing.sum, firing.output]).toEqual([0, 0]);
  });

  it("w = (1/3, 1/3), b = −2/3 at 11: z = 0 → 0; b = −0.6666 → 1", () => {
    expect(fire(makePerceptron([1 / 3, 1 / 3], -2 / 3), [1, 1]).output).toBe(0);
    expect(fire(makePerceptron([1 / 3, 1 / 3], -0.6666), [1, 1]).output).toBe(1);
  });

  it("w = (1, 1), b = −1 (integers): 01 sits on the line and gives 0; 11 gives 1", () => {
    expect(perceptronTable(makePerceptron([1, 1], -1)).outputs).toEqual([0, 0, 0, 1]);
  });

  it("tiny and huge values keep their sign: w = (1e-300, 0), b = −1e-301 at 10 gives 1", () => {
    expect(fire(makePerceptron([1e-300, 0], -1e-301), [1, 0]).output).toBe(1);
    expect(fire(makePerceptron([1e300, -1e300], 1), [1, 1]).output).toBe(1);
  });

  it("every sum agrees with floating point where floats are far from 0 (seeded random weights)", () => {
    const uniform = mulberry32(12345);
    const random = () => uniform() * 4 - 2;
    for (let i = 0; i < 500; i++) {
      const perceptron = makePerceptron([random(), random()], random());
      for (const inputs of INPUT_PAIRS) {
        const float = perceptron.weights[0] * inputs[0] + perceptron.weights[1] * inputs[1] + perceptron.bias;
        const firing = fire(perceptron, inputs);
        expect(firing.sum).toBeCloseTo(float, 12);
        if (Math.abs(float) > 1e-9) expect(firing.output).toBe(float > 0 ? 1 : 0);
      }
    }
  });
});

describe("linear separability", () => {
  it("no perceptron on a grid of 41³ weights computes XOR, while AND, OR, NAND, NOR are all found", () => {
    const found = new Set<string>();
    const values = Array.from({ length: 41 }, (_, i) => -1 + i / 20);
    for (const w1 of values)
      for (const w2 of values)
        for (const b of values) {
          const name = gateOfOutputs(perceptronTable(makePerceptron([w1, w2], b)).outputs);
          if (name !== undefined) found.add(name);
        }
    expect([...found].sort()).toEqual(["and", "nand", "nor", "or"]);
  });

  it("gateOfOutputs names 0110 xor and leaves 0101 unnamed", () => {
    expect(gateOfOutputs([0, 1, 1, 0])).toBe("xor");
    expect(gateOfOutputs([0, 1, 0, 1])).toBeUndefined();
  });
});

describe("plane pictures", () => {
  it("and: 17×9 samples, the four points at columns 4, 12 and rows 2, 6 labelled 0,0,0,1", () => {
    const [picture] = explainGate(gateTable("and")).pictures;
    expect([picture.columns.length, picture.rows.length]).toEqual([17, 9]);
    expect(picture.points.map((point) => [point.row, point.col, point.label])).toEqual([[6, 4, 0], [2, 4, 0], [6, 12, 0], [2, 12, 1]]);
    // 0.5·x1 + 0.5·x2 − 0.7 > 0: the corner at (1.5, 1.5) fires, (−0.5, −0.5) does not
    expect(picture.region[0][16]).toBe(true);
    expect(picture.region[8][0]).toBe(false);
  });

  it("every labelled point sits on the side its label says (a perceptron is its line)", () => {
    for (const name of ["and", "or", "nand", "nor"] as const) {
      const [picture] = explainGate(gateTable(name)).pictures;
      for (const point of picture.points) expect(picture.region[point.row][point.col], name).toBe(point.label === 1);
    }
  });

  it("xor: NAND, OR, the band where both fire (holding exactly 01 and 10), and the hidden plane", () => {
    const pictures = explainGate(gateTable("xor")).pictures;
    expect(pictures).toHaveLength(4);
    const band = pictures[2];
    expect(band.points.map((point) => [point.at, point.label, band.region[point.row][point.col]])).toEqual([
      [[0, 0], 0, false], [[0, 1], 1, true], [[1, 0], 1, true], [[1, 1], 0, false],
    ]);
    const hidden = pictures[3];
    expect(hidden.points.map((point) => [point.at, point.label, hidden.region[point.row][point.col]])).toEqual([
      [[1, 0], 0, false], [[1, 1], 1, true], [[1, 1], 1, true], [[0, 1], 0, false],
    ]);
  });

  it("a point exactly on the line is on the 0 side: x1 − x2 = 0 at (0.5, 0.5)", () => {
    const picture = planePicture([makePerceptron([1, -1], 0)], []);
    expect(picture.region[picture.rows.indexOf(0.5)][picture.columns.indexOf(0.5)]).toBe(false);
    expect(picture.region[picture.rows.indexOf(0.5)][picture.columns.indexOf(0.625)]).toBe(true);
  });
});

describe("input checks", () => {
  it.each(["xnor", "", "and2"])("throws when the gate name is %j", (name) => {
    const error = inputErrorOf(() => parseGateName(name));
    expect([error.argument, error.code, error.hintCode]).toEqual([undefined, "gate.unknown", "gate.usageHint"]);
    expect(error.params.text).toBe(name);
  });

  it.each([[[1]], [[1, 2, 3]], [[]]])("throws when --weights has %j (not 2 numbers)", (weights) => {
    const error = inputErrorOf(() => makePerceptron(weights, 0));
    expect([error.argument, error.code, error.params.count]).toEqual(["weights", "gate.weightsCount", weights.length]);
  });

  it("throws when a weight or the bias is not finite", () => {
    expect(inputErrorOf(() => makePerceptron([Infinity, 1], 0)).argument).toBe("weights");
    expect(inputErrorOf(() => makePerceptron([1, 1], NaN)).argument).toBe("bias");
  });
});

describe("xor with your own units", () => {
  it("nand (−1, −1, 1.5), or (1, 1, −0.5), and (1, 1, −1.5): sums 1.5 0.5 0.5 −0.5 | −0.5 0.5 0.5 1.5 | −0.5 0.5 0.5 −0.5", () => {
    const network = xorNetwork({ nand: makeXorUnit("nand", [-1, -1, 1.5]), or: makeXorUnit("or", [1, 1, -0.5]), and: makeXorUnit("and", [1, 1, -1.5]) });
    expect(network.rows.map((row) => row.nand.sum)).toEqual([1.5, 0.5, 0.5, -0.5]);
    expect(network.rows.map((row) => row.or.sum)).toEqual([-0.5, 0.5, 0.5, 1.5]);
    expect(network.rows.map((row) => row.and.sum)).toEqual([-0.5, 0.5, 0.5, -0.5]);
    expect(network.outputs).toEqual([0, 1, 1, 0]);
  });

  it("a unit not given keeps the textbook weights: only or (2, 2, −1) changes", () => {
    const network = xorNetwork({ or: makeXorUnit("or", [2, 2, -1]) });
    expect(network.units.nand).toEqual(TEXTBOOK_PERCEPTRONS.nand);
    expect(network.units.and).toEqual(TEXTBOOK_PERCEPTRONS.and);
    expect(network.rows.map((row) => row.or.sum)).toEqual([-1, 1, 1, 3]);
  });

  it("a unit on its line is valid: nand (−1, −1, 2) sums to exactly 0 at 11, and step(0) = 0", () => {
    expect(xorNetwork({ nand: makeXorUnit("nand", [-1, -1, 2]) }).rows[3].nand).toMatchObject({ sum: 0, output: 0 });
  });

  it.each([[[1, 1]], [[1, 1, 1, 1]], [[]]])("throws when a unit has %j (not 3 numbers)", (values) => {
    const error = inputErrorOf(() => makeXorUnit("nand", values));
    expect([error.argument, error.code, error.params.count, error.hintCode]).toEqual(["nand", "gate.unitCount", values.length, "gate.unitHint"]);
  });

  it("throws when a unit's value is not finite", () => {
    expect([inputErrorOf(() => makeXorUnit("or", [1, NaN, 0])).argument, inputErrorOf(() => makeXorUnit("or", [1, NaN, 0])).code]).toEqual(["or", "number.bad"]);
  });

  it("throws when a unit's sum overflows: and (1e308, 1e308, 0)", () => {
    expect(inputErrorOf(() => makeXorUnit("and", [1e308, 1e308, 0])).code).toBe("output.notFinite");
  });

  it.each([
    ["nand", [0.5, 0.5, -0.7], "0 0 0 1", "1 1 1 0"],
    ["or", [1, 1, 0.5], "1 1 1 1", "0 1 1 1"],
    ["and", [1, 1, -1], "0 0 0 1", ""],
    ["and", [0.5, 0.5, -0.2], "0 1 1 1", "0 0 0 1"],
  ] as const)("throws when the %s unit (%j) computes another gate (%s)", (unit, values, outputs, wanted) => {
    if (wanted === "") {
      // and (1, 1, −1) sums to 0 at 01 and 10 and 1 at 11: it is AND, so it is accepted.
      expect(makeXorUnit(unit, values).bias).toBe(-1);
      return;
    }
    const error = inputErrorOf(() => makeXorUnit(unit, values));
    expect([error.argument, error.code, error.hintCode]).toEqual([unit, "gate.unitWrong", "gate.unitWrongHint"]);
    expect(error.params).toEqual({ gate: unit.toUpperCase(), outputs, wanted });
  });
});

describe("bits", () => {
  it("outputs are 0 or 1 only", () => {
    const all: Bit[] = ["and", "or", "nand", "nor", "xor"].flatMap((name) => [...gateTable(parseGateName(name)).outputs]);
    expect(new Set(all)).toEqual(new Set([0, 1]));
  });
});
