/** topics, problem and check through the built command: stdout, stderr and exit codes 0/1/2. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBuilt } from "../helpers/cli.js";

/** The calculator's answer for a problem, read by running its command (what the checker does). */
function answerOf(problem: { command: string[]; ask: string }): unknown {
  const result = runBuilt([...problem.command.slice(1), "--json"]);
  expect(result.exitCode).toBe(0);
  return JSON.parse(result.stdout)[problem.ask];
}

describe("cnn-drill topics", () => {
  it("--json lists every topic with id, title and kind", () => {
    const result = runBuilt(["topics", "--json"]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe("");
    const { topics } = JSON.parse(result.stdout);
    expect(topics.length).toBe(35);
    expect(topics[0]).toEqual({ id: "conv.forward", title: "Convolution forward pass (valid cross-correlation)", kind: "numeric", area: "conv" });
    expect(topics.filter((t: { kind: string }) => t.kind === "choice").length).toBe(7);
  });

  it("prints a table in Korean with --lang ko", () => {
    const result = runBuilt(["topics", "--lang", "ko"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("conv.grad-input");
    expect(result.stdout).toContain("합성곱 역전파: 입력의 기울기");
    expect(result.stdout).toContain("cnn-drill problem --topic conv.forward");
  });
});

describe("cnn-drill problem", () => {
  it("gives the same problem for --topic T --seed N and for the id T@N", () => {
    const a = runBuilt(["problem", "--topic", "pool.max-grad", "--seed", "77", "--json"]);
    const b = runBuilt(["problem", "pool.max-grad@77", "--json"]);
    expect(a.exitCode).toBe(0);
    expect(a.stderr).toBe("");
    expect(b.stdout).toBe(a.stdout);
    const problem = JSON.parse(a.stdout);
    expect(problem).toMatchObject({ id: "pool.max-grad@77", topic: "pool.max-grad", seed: 77, kind: "numeric", ask: "gradInput" });
    expect(problem.command.slice(0, 2)).toEqual(["cnn-drill", "pool"]);
    expect(Object.keys(problem.given)).toEqual(expect.arrayContaining(["input", "size", "grad"]));
  });

  it("prints the prompt, the grids, the id and the exact check command", () => {
    const result = runBuilt(["problem", "conv.forward@1234"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("Problem conv.forward@1234");
    expect(result.stdout).toContain("cross-correlation");
    expect(result.stdout).toContain("kernel w");
    expect(result.stdout).toContain('cnn-drill check conv.forward@1234 --answer "…"');
  });

  it("picks a seed when none is given and shows it in the id", () => {
    const result = runBuilt(["problem", "--topic", "rf.stack", "--json"]);
    expect(result.exitCode).toBe(0);
    const problem = JSON.parse(result.stdout);
    expect(problem.id).toBe(`rf.stack@${problem.seed}`);
    expect(runBuilt(["problem", problem.id, "--json"]).stdout).toBe(result.stdout);
  });

  it("writes a concept problem with lettered choices, in Korean with --lang ko", () => {
    const result = runBuilt(["problem", "concept.atrous@3", "--lang", "ko"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/\n {2}a\) /);
    expect(result.stdout).toMatch(/[가-힣]/);
    expect(result.stdout).toContain("cnn-drill check concept.atrous@3");
  });

  it("exits 2 with one line and a hint for an unknown topic", () => {
    const result = runBuilt(["problem", "--topic", "conv.nope"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe('error: --topic: unknown topic "conv.nope"\nhint: cnn-drill topics lists every topic\n');
  });

  it("exits 2 for a bad seed", () => {
    const result = runBuilt(["problem", "--topic", "conv.forward", "--seed", "-3"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("is not a seed");
  });

  it("exits 2 when the id and --topic disagree", () => {
    const result = runBuilt(["problem", "conv.forward@1", "--topic", "pool.max"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("the id names topic conv.forward but --topic says pool.max");
  });
});

/** check records its answers: into a temporary history, never the user's. */
const checkHome = mkdtempSync(join(tmpdir(), "cnn-drill-check-"));
afterAll(() => rmSync(checkHome, { recursive: true, force: true }));
function runCheck(args: string[], options: { stdin?: string } = {}): ReturnType<typeof runBuilt> {
  return runBuilt(args, { ...options, env: { CNN_DRILL_HOME: checkHome } });
}

describe("cnn-drill check", () => {
  let problem: { id: string; command: string[]; ask: string };
  let expected: number[][];

  beforeAll(() => {
    problem = JSON.parse(runBuilt(["problem", "conv.grad-input@5", "--json"]).stdout);
    expected = answerOf(problem) as number[][];
  });

  const text = (m: number[][]) => m.map((row) => row.join(" ")).join("; ");

  it("exits 0 for the right answer, with a marked grid", () => {
    const result = runCheck(["check", problem.id, "--answer", text(expected)]);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^✓ Right!/);
    expect(result.stdout).toContain("✓");
    expect(result.stdout).not.toContain("✗ ");
  });

  it("exits 1 for a wrong answer: marks the wrong cell, shows the expected value and the worked solution", () => {
    const wrong = expected.map((row) => [...row]);
    wrong[0][0] += 5;
    const result = runCheck(["check", problem.id, "--answer", text(wrong)]);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe("");
    const cells = expected.flat().length;
    expect(result.stdout).toContain(`Not quite: ${cells - 1} of ${cells} right`);
    expect(result.stdout).toContain(`${wrong[0][0]} ✗`);
    expect(result.stdout).toContain("expected (where wrong)");
    expect(result.stdout).toContain("Worked solution");
    expect(result.stdout).toContain("∂L/∂a11 =");
  });

  it("--json gives correct, score and expected, with the exit code", () => {
    const wrong = expected.map((row) => row.map((v) => v + 1));
    wrong[0][0] -= 1;
    const result = runCheck(["check", problem.id, "--answer", JSON.stringify(wrong), "--json"]);
    expect(result.exitCode).toBe(1);
    const json = JSON.parse(result.stdout);
    const cells = expected.flat().length;
    expect(json).toMatchObject({ id: problem.id, correct: false, expected });
    expect(json.score).toBeCloseTo(1 / cells, 10);
  });

  it("reads the answer from standard input (-) and from a file (@path)", () => {
    expect(runCheck(["check", problem.id, "--answer", "-"], { stdin: `${text(expected)}\n` }).exitCode).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), "cnn-drill-answer-")), "answer.txt");
    writeFileSync(file, expected.map((row) => row.join(" ")).join("\n"));
    expect(runCheck(["check", problem.id, "--answer", `@${file}`]).exitCode).toBe(0);
  });

  it("exits 2, naming what was expected, for an answer of the wrong shape", () => {
    const rows = expected.length;
    const cols = expected[0].length;
    const result = runCheck(["check", problem.id, "--answer", "1 2 3 4 5"]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")[0]).toBe(`error: --answer: expected a ${rows}×${cols} matrix, got 5 numbers`);
    expect(result.stderr).toContain("hint: ");
  });

  it("reads an answer that starts with - (a negative number)", () => {
    const bias = JSON.parse(runBuilt(["problem", "conv.grad-bias@2", "--json"]).stdout);
    const value = answerOf(bias) as number;
    expect(value).toBeLessThan(0);
    expect(runCheck(["check", bias.id, "--answer", String(value)]).exitCode).toBe(0);
  });

  it("names the expected shape in Korean with --lang ko", () => {
    const result = runCheck(["check", problem.id, "--answer", "1 2 3 4 5", "--lang", "ko"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(`오류: --answer: ${expected.length}×${expected[0].length} 행렬이 필요한데 숫자 5개를 받았습니다`);
  });

  it("exits 2 for an unreadable answer", () => {
    const result = runCheck(["check", problem.id, "--answer", "1 x; 3 4"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('error: --answer: row 1, entry 2: "x" is not a number');
  });

  it("exits 2 for an id without a seed", () => {
    const result = runCheck(["check", "conv.forward", "--answer", "1"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('"conv.forward" is not a problem id');
  });

  it("exits 2 when --answer is missing", () => {
    const result = runCheck(["check", problem.id]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe("");
  });

  it("scores a max-pool mask by its marked cells: all zeros score 0, exit 1, in both languages", () => {
    const mask = JSON.parse(runBuilt(["problem", "pool.max-mask@3", "--json"]).stdout);
    const expected = answerOf(mask) as number[][];
    const zeros = expected.map((row) => row.map(() => 0).join(" ")).join("; ");
    const json = runBuilt(["check", mask.id, "--answer", zeros, "--json"]);
    expect(json.exitCode).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ correct: false, score: 0 });
    const trueCells = expected.flat().filter((v) => v === 1).length;
    const text = runBuilt(["check", mask.id, "--answer", zeros]);
    expect(text.stdout.split("\n")[0]).toBe(`✗ Not quite: 0 of the ${trueCells} cells that receive gradient marked, 0 marked wrongly (score 0%: the share marked, less the wrongly marked).`);
    const korean = runBuilt(["check", mask.id, "--answer", zeros, "--lang", "ko"]);
    expect(korean.stdout.split("\n")[0]).toBe(`✗ 아쉽습니다: 기울기를 받는 칸 ${trueCells}개 중 0개를 표시했고, 잘못 표시한 칸이 0개입니다 (점수 0%: 맞게 표시한 비율에서 잘못 표시한 비율을 뺀 값).`);
  });

  it("accepts a fraction for a number answer (spp.length) and rejects a wrong number", () => {
    const length = JSON.parse(runBuilt(["problem", "spp.length@9", "--json"]).stdout);
    const value = answerOf(length) as number;
    expect(runCheck(["check", length.id, "--answer", `${value * 2}/2`]).exitCode).toBe(0);
    const wrong = runCheck(["check", length.id, "--answer", String(value + 1)]);
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stdout).toContain("✗ Wrong.");
  });

  it("checks a choice by letter: 0 right, 1 wrong with the explanation, 2 out of range", () => {
    const expectedLetter = JSON.parse(runCheck(["check", "concept.xor@8", "--answer", "a", "--json"]).stdout).expected as string;
    const right = runCheck(["check", "concept.xor@8", "--answer", expectedLetter]);
    expect(right.exitCode).toBe(0);
    expect(right.stdout).toContain("The answer is");
    const other = expectedLetter === "a" ? "b" : "a";
    const wrong = runCheck(["check", "concept.xor@8", "--answer", other, "--lang", "ko"]);
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stdout).toContain("해설");
    const bad = runCheck(["check", "concept.xor@8", "--answer", "z"]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/^error: --answer: "z" is not a choice: answer with a letter a–[b-f] or a number 1–[2-6]\nhint: add --help to the command to see what each option takes\n$/);
  });
});
