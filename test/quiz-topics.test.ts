/**
 * Every numeric topic over many seeds: reproducible, its calculator command runs, the checker
 * accepts the calculator's answer and rejects a changed one, and the problem is not degenerate.
 */
import { describe, expect, it } from "vitest";
import { inputErrorOf } from "./helpers/errors.js";
import { commandLoaders } from "../src/commands/index.js";
import {
  calculatorJson,
  checkAnswer,
  CHOICE_TOPICS,
  flattenNested,
  generateProblem,
  listTopics,
  numericGenerators,
  parseProblemId,
  shapeOfNested,
  workedSolution,
  type NestedNumbers,
  type QuizProblem,
} from "../src/quiz/index.js";
import { TEXTBOOK_GATES } from "../src/calculators/gate/drill/topics.js";

const SEEDS = Array.from({ length: 25 }, (_, i) => i * 7919 + 3);

const NUMERIC_TOPICS = [
  "conv.forward", "conv.padded", "conv.true", "conv.dilated", "conv.grad-input", "conv.grad-kernel", "conv.grad-bias", "conv.output-size",
  "pool.max", "pool.max-mask", "pool.max-grad", "pool.avg-grad", "roi.pool", "spp.length", "spp.vector",
  "rf.dilated-kernel", "rf.stack", "rf.params", "rf.macs", "gate.xor", "gate.perceptron",
  "conv.channels", "conv.channels-grad", "train.delta", "train.update", "train.step", "train.chain", "train.sigmoid",
];

/** The answer as a student would type it: rows split by ;, or JSON for 3-D. */
function answerText(expected: NestedNumbers): string {
  const shape = shapeOfNested(expected);
  if (shape.length === 0) return String(expected);
  if (shape.length === 1) return (expected as number[]).join(" ");
  if (shape.length === 2) return (expected as number[][]).map((row) => row.join(" ")).join("; ");
  return JSON.stringify(expected);
}

/** The expected value with its first cell changed by 1. */
function changed(expected: NestedNumbers): NestedNumbers {
  if (!Array.isArray(expected)) return expected + 1;
  const [first, ...rest] = expected;
  return [changed(first), ...rest];
}

/** [rows, cols] of every given grid (each channel of a C×H×W input). */
function matrices(problem: QuizProblem): number[][] {
  const sizes: number[][] = [];
  for (const value of Object.values(problem.given ?? {})) {
    if (!Array.isArray(value) || !Array.isArray(value[0])) continue;
    const planes = Array.isArray((value as unknown[][])[0][0]) ? (value as number[][][]) : [value as number[][]];
    for (const plane of planes) sizes.push([plane.length, plane[0].length]);
  }
  return sizes;
}

describe("topic list", () => {
  it("lists every numeric topic of the issue and the seven concept topics", () => {
    const topics = listTopics();
    expect(topics.filter((t) => t.kind === "numeric").map((t) => t.id).sort()).toEqual([...NUMERIC_TOPICS].sort());
    expect(topics.filter((t) => t.kind === "choice").map((t) => t.id)).toEqual([...CHOICE_TOPICS]);
  });

  it("has unique ids of the form area.name, with titles in both languages", () => {
    const topics = listTopics();
    expect(new Set(topics.map((t) => t.id)).size).toBe(topics.length);
    for (const topic of topics) {
      expect(topic.id).toMatch(/^[a-z]+\.[a-z-]+$/);
      expect(topic.area).toBe(topic.id.split(".")[0]);
      expect(topic.title.en).not.toBe(`quiz.topic.${topic.id}`);
      expect(topic.title.ko).not.toBe(topic.title.en);
    }
  });

  it("lists only topics whose calculator command is registered", () => {
    for (const generator of numericGenerators()) expect(Object.keys(commandLoaders)).toContain(generator.calculator);
  });
});

describe("problem ids", () => {
  it("parses topic@seed", () => {
    expect(parseProblemId("conv.forward@1234", undefined)).toEqual({ topic: "conv.forward", seed: 1234 });
  });

  for (const bad of ["conv.forward", "conv.forward@", "conv.forward@-1", "conv.forward@1.5", "conv.forward@x", "@12", "nope.topic@1", "conv.forward@4294967296"]) {
    it(`throws when the id is ${JSON.stringify(bad)}`, () => {
      expect(() => parseProblemId(bad, undefined)).toThrow();
    });
  }

  it("names no option when a positional id has an unknown topic or a bad seed", () => {
    expect(inputErrorOf(() => parseProblemId("nope.topic@1", undefined)).argument).toBeUndefined();
    expect(inputErrorOf(() => parseProblemId("conv.forward@x", undefined)).argument).toBeUndefined();
    expect(inputErrorOf(() => parseProblemId("nope.topic@1", "id")).argument).toBe("id");
  });

  it("gives different problems for different seeds", async () => {
    const a = await generateProblem("conv.forward", 1, "en");
    const b = await generateProblem("conv.forward", 2, "en");
    expect(a.given).not.toEqual(b.given);
  });
});

describe.each(NUMERIC_TOPICS)("%s", (topic) => {
  it.each(SEEDS)(`seed=%i: reproducible, runs, checks, not degenerate`, async (seed) => {
    const problem = await generateProblem(topic, seed, "en");
    expect(problem.id).toBe(`${topic}@${seed}`);
    expect(await generateProblem(topic, seed, "en")).toEqual(problem);

    // The Korean problem is the same problem in other words.
    const korean = await generateProblem(topic, seed, "ko");
    expect(korean.given).toEqual(problem.given);
    expect(korean.command).toEqual(problem.command);
    expect(korean.prompt).not.toBe(problem.prompt);
    for (const prompt of [problem.prompt, korean.prompt]) {
      expect(prompt).not.toMatch(/\{\w+\}|quiz\.prompt/);
      // The exam's notation, not command-line syntax: no layer tokens, ∂L/∂a for the input's gradient.
      expect(prompt).not.toMatch(/\b(conv|pool)\d+([spd]\d+)*(?!\w)|∂L\/∂input|∂L\/∂입력|layers =|type =|mode =/);
    }

    expect(problem.kind).toBe("numeric");
    expect(problem.command?.[0]).toBe("cnn-drill");
    const json = await calculatorJson(problem);
    expect(json).toHaveProperty(problem.ask!);
    const expected = json[problem.ask!] as NestedNumbers;

    // Not degenerate: an answer that is not all zero, from grids of exam size.
    expect(flattenNested(expected).some((value) => value !== 0)).toBe(true);
    const backward = problem.given !== undefined && "grad" in problem.given;
    for (const [h, w] of matrices(problem)) {
      expect(h).toBeLessThanOrEqual(backward ? 4 : 5);
      expect(w).toBeLessThanOrEqual(backward ? 4 : 5);
    }

    const right = await checkAnswer(problem, answerText(expected), "en");
    expect(right.correct).toBe(true);
    expect(right.score).toBe(1);
    const wrong = await checkAnswer(problem, answerText(changed(expected)), "en");
    expect(wrong.correct).toBe(false);
    // One cell off: per-cell credit for values; a mask loses one of its true cells (marked or wrongly marked).
    const counted = problem.ask === "mask" ? flattenNested(expected).filter((value) => value !== 0).length : flattenNested(expected).length;
    expect(wrong.score).toBeCloseTo((counted - 1) / counted, 10);
  });
});

/** Topics that cannot give 20 distinct problems in 100 seeds, each with the reason (none today). */
const FEW_PROBLEMS: Readonly<Record<string, string>> = {};

describe("every numeric topic varies", () => {
  it.each(numericGenerators().map((generator) => generator.topic))("%s gives at least 20 distinct problems in 100 seeds", async (topic) => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 100; seed++) {
      const problem = await generateProblem(topic, seed, "en");
      // What the student sees: the question and its numbers.
      seen.add(JSON.stringify([problem.prompt, problem.given]));
    }
    if (topic in FEW_PROBLEMS) return;
    expect(seen.size).toBeGreaterThanOrEqual(20);
  });

  it("lists only real topics among those excused", () => {
    const topics = new Set(numericGenerators().map((generator) => generator.topic as string));
    for (const topic of Object.keys(FEW_PROBLEMS)) expect(topics.has(topic)).toBe(true);
  });
});

describe("worked solutions open with the asked quantity", () => {
  it.each([
    ["conv.output-size", /^Output size = ⌊\(n \+ 2·p − k̂\) \/ s⌋ \+ 1 with k̂ = d\(k − 1\) \+ 1 = \d+·\(\d+ − 1\) \+ 1 = \d+: ⌊\(\d+ \+ 2·\d+ − \d+\) \/ \d+⌋ \+ 1 = (\d+)\.$/, /^출력 크기 = /],
    ["spp.length", /^Length = C · Σ n² = \d+ · \([\d² +]+\) = (\d+): /, /^길이 = C · Σ n² = /],
    ["rf.dilated-kernel", /^Effective kernel size k̂ = d\(k − 1\) \+ 1 = \d+·\(\d+ − 1\) \+ 1 = (\d+)\.$/, /^유효 커널 크기 k̂ = /],
  ])("%s: the first line is the formula with the problem's numbers and the answer, in both languages", async (topic, english, korean) => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const problem = await generateProblem(topic, seed, "en");
      const answer = (await calculatorJson(problem))[problem.ask!];
      const first = (await workedSolution(problem, "en")).split("\n")[0];
      expect(first).toMatch(english);
      expect(Number(english.exec(first)![1])).toBe(answer);
      expect((await workedSolution(problem, "ko")).split("\n")[0]).toMatch(korean);
    }
  });

  it.each(["conv.grad-input", "conv.grad-kernel", "conv.grad-bias"])("%s: the gradients come before the forward pass", async (topic) => {
    const solution = await workedSolution(await generateProblem(topic, 1, "en"), "en");
    expect(solution.split("\n")[2]).toBe("The gradients (each worked out below)");
    expect(solution.indexOf("∂L/∂b = Σ δ = ")).toBeLessThan(solution.indexOf("Each output cell"));
  });

  it("a problem built by hand (not from its id) gets no opening line", async () => {
    const problem = await generateProblem("spp.length", 1, "en");
    const solution = await workedSolution({ ...problem, given: { ...problem.given, levels: [1] } }, "en");
    expect(solution).not.toMatch(/^Length/);
  });
});

describe("generators exercise what matters", () => {
  async function many(topic: string, count = 60): Promise<QuizProblem[]> {
    return Promise.all(Array.from({ length: count }, (_, seed) => generateProblem(topic, seed, "en")));
  }

  it("pool.max has ties in some problems but not all", async () => {
    let withTies = 0;
    for (const problem of await many("pool.max")) {
      const json = await calculatorJson(problem);
      const input = problem.given!.input as number[][];
      const argmax = json.argmax as number[][][];
      // The chosen cells hold the outputs; a tie is a window whose maximum appears twice.
      const values = (json.output as number[][]).flat();
      const chosen = argmax.flat().map(([r, c]) => input[r][c]);
      expect(chosen).toEqual(values);
      withTies += Number(hasTie(problem));
    }
    expect(withTies).toBeGreaterThan(5);
    expect(withTies).toBeLessThan(55);
  });

  it("pool.max outputs repeat a value in at most half their cells (never constant) over 100 seeds", async () => {
    for (const problem of await many("pool.max", 100)) {
      const output = ((await calculatorJson(problem)).output as number[][]).flat();
      const most = Math.max(...output.map((value) => output.filter((v) => v === value).length));
      expect(most).toBeLessThanOrEqual(Math.floor(output.length / 2));
    }
  });

  it("pool.max-mask: an all-zero answer scores 0", async () => {
    for (const problem of await many("pool.max-mask", 20)) {
      const input = problem.given!.input as number[][];
      const zeros = input.map((row) => row.map(() => 0).join(" ")).join("; ");
      const outcome = await checkAnswer(problem, zeros, "en");
      expect([outcome.correct, outcome.score]).toEqual([false, 0]);
    }
  });

  it("pool topics use overlapping windows (stride < size) in some problems", async () => {
    const overlapping = (await many("pool.max-grad")).filter((p) => (p.given!.stride as number) < (p.given!.size as number));
    expect(overlapping.length).toBeGreaterThan(5);
  });

  it("pool.avg-grad answers are multiples of 1/4", async () => {
    for (const problem of await many("pool.avg-grad", 20)) {
      const values = flattenNested((await calculatorJson(problem)).gradInput as NestedNumbers);
      for (const value of values) expect(Number.isInteger(value * 4)).toBe(true);
    }
  });

  it("roi.pool boxes have corners whose rounding matters", async () => {
    for (const problem of await many("roi.pool", 30)) {
      const box = problem.given!.box as number[];
      const scale = problem.given!.scale as number;
      expect(box.filter((v) => !Number.isInteger(v * scale)).length).toBeGreaterThanOrEqual(2);
    }
  });

  it("roi.pool: some boxes are image pixels projected onto a stride-16 map (scale 1/16), and the prompt says so", async () => {
    const problems = await many("roi.pool", 60);
    const realistic = problems.filter((p) => p.given!.scale === 1 / 16);
    expect(realistic.length).toBeGreaterThan(10);
    expect(realistic.length).toBeLessThan(50);
    for (const problem of realistic) {
      expect(problem.prompt).toContain("An 80×80 image went through a backbone of total stride 16");
      expect((problem.given!.box as number[]).some((v) => v >= 16)).toBe(true);
      const korean = await generateProblem("roi.pool", problem.seed, "ko");
      expect(korean.prompt).toContain("80×80 영상이 전체 스트라이드 16인 백본");
    }
    for (const problem of problems.filter((p) => p.given!.scale !== 1 / 16)) expect(problem.prompt).not.toContain("stride 16");
  });

  it("rf.stack writes every layer out as a lecturer would, one sentence per layer, in both languages", async () => {
    for (const problem of await many("rf.stack", 30)) {
      const layers = (problem.given!.layers as string).split(",");
      expect(problem.prompt.match(/Layer \d: \d×\d (convolution|max pooling), stride \d(, dilation 2)?\./g)).toHaveLength(layers.length);
      const korean = await generateProblem("rf.stack", problem.seed, "ko");
      expect(korean.prompt.match(/\d번째 층: \d×\d (합성곱|최대 풀링), 스트라이드 \d(, 팽창 2)?\./g)).toHaveLength(layers.length);
    }
  });

  it("conv.padded always uses a stride above 1 or padding", async () => {
    for (const problem of await many("conv.padded", 30)) {
      expect((problem.given!.stride as number) > 1 || (problem.given!.padding as number) > 0).toBe(true);
    }
  });

  it("conv.grad-bias gives the layer a bias b and never says it has none", async () => {
    for (const problem of await many("conv.grad-bias", 20)) {
      expect(typeof problem.given!.bias).toBe("number");
      expect(problem.prompt).toContain(`b = ${problem.given!.bias as number}`);
      expect(problem.prompt).not.toMatch(/no bias/);
      const korean = await generateProblem("conv.grad-bias", problem.seed, "ko");
      expect(korean.prompt).not.toMatch(/편향 없음/);
    }
  });

  it("conv.true kernels change when rotated 180°", async () => {
    for (const problem of await many("conv.true", 30)) {
      const kernel = problem.given!.kernel as number[][];
      const rotated = kernel.map((row) => [...row].reverse()).reverse();
      expect(rotated).not.toEqual(kernel);
    }
  });

  it("gate.perceptron outputs are never constant, and some weighted sums are exactly 0", async () => {
    let zeroSums = 0;
    for (const problem of await many("gate.perceptron", 40)) {
      const json = await calculatorJson(problem);
      const outputs = json.outputs as number[];
      expect(new Set(outputs).size).toBe(2);
      if ((json.rows as { sum: number }[]).some((row) => row.sum === 0)) zeroSums++;
    }
    expect(zeroSums).toBeGreaterThan(3);
  });

  it("gate.xor draws varied weights that compute NAND, OR and AND, and mostly asks a unit's weighted sums", async () => {
    const problems = await many("gate.xor");
    const asks = new Set<string>();
    for (const problem of problems) {
      const json = await calculatorJson(problem);
      expect(json.nandOutputs).toEqual([1, 1, 1, 0]);
      expect(json.orOutputs).toEqual([0, 1, 1, 1]);
      expect(json.outputs).toEqual([0, 1, 1, 0]);
      for (const unit of ["nand", "or", "and"]) expect(problem.prompt).toContain(`${unit.toUpperCase()} (${(problem.given![unit] as number[]).join(", ")})`);
      asks.add(problem.ask!);
    }
    expect([...asks].sort()).toEqual(["andSums", "nandSums", "orSums", "outputs"]);
    expect(new Set(problems.map((p) => JSON.stringify(p.given))).size).toBeGreaterThanOrEqual(40);
    expect(problems.filter((p) => p.ask === "outputs").length).toBeLessThan(20);
  });

  it("the textbook weights in gate prompts are the calculator's", async () => {
    for (const [name, weights] of Object.entries(TEXTBOOK_GATES)) {
      const json = await calculatorJson({ id: "x@1", topic: "gate.xor", seed: 1, kind: "numeric", prompt: "", command: ["cnn-drill", "gate", name] });
      expect([...(json.weights as number[]), json.bias]).toEqual([...weights]);
    }
  });
});

function hasTie(problem: QuizProblem): boolean {
  const input = problem.given!.input as number[][];
  const size = problem.given!.size as number;
  const stride = problem.given!.stride as number;
  const padding = (problem.given!.padding as number | undefined) ?? 0;
  const n = input.length;
  const out = Math.floor((n + 2 * padding - size) / stride) + 1;
  for (let i = 0; i < out; i++)
    for (let j = 0; j < out; j++) {
      const values: number[] = [];
      for (let r = i * stride - padding; r < i * stride - padding + size; r++)
        for (let c = j * stride - padding; c < j * stride - padding + size; c++) if (r >= 0 && r < n && c >= 0 && c < n) values.push(input[r][c]);
      const best = Math.max(...values);
      if (values.filter((v) => v === best).length > 1) return true;
    }
  return false;
}
