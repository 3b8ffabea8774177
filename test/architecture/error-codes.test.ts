/**
 * Error codes are checked by the type checker (`npm run typecheck` compiles this file): each
 * `@ts-expect-error` below must stay an error, or the type check fails. A code is valid when its
 * layer declares it (src/engine/errors.ts, src/io/error-codes.ts, the catalogue, a calculator's
 * messages), and every engine and io code has a text (src/calculators/error-codes.ts). That the engine
 * throws only its own codes, and io only the engine's and its own, is checked by compiling each on its
 * own in `npm run typecheck` (src/engine/tsconfig.json, src/io/tsconfig.json).
 */
import { describe, expect, it } from "vitest";
import type { EngineCodesWithoutText, IoCodesWithoutText } from "../../src/calculators/error-codes.js";
import { conv2d } from "../../src/engine/conv2d.js";
import { check, InputError, type EngineErrorCode, type ErrorCode } from "../../src/engine/errors.js";
import { tensor } from "../../src/engine/tensor.js";
import { codeText, translator } from "../../src/i18n/index.js";
import type { IoErrorCode } from "../../src/io/error-codes.js";
import { reportError, type CliIO } from "../../src/ui/context.js";
import { inputErrorOf } from "../helpers/errors.js";

function stderrOf(error: unknown, lang: "en" | "ko"): { lines: string; exitCode: number } {
  let lines = "";
  const io = { stderr: (text: string) => (lines += text) } as unknown as CliIO;
  const exitCode = reportError(error, io, translator(lang));
  return { lines, exitCode };
}

describe("typed error codes", () => {
  it("a misspelt code or hint code is a type error in every layer; each layer's own codes are accepted", () => {
    // @ts-expect-error: no such engine code
    expect(() => check(false, "bias", "conv.biasCont")).toThrow(InputError);
    // @ts-expect-error: no such hint code
    expect(() => check(false, "input", "input.empty", {}, "input.emptyHnt")).toThrow(InputError);
    // @ts-expect-error: a catalogue area's code, misspelt (quiz.idBad)
    expect(new InputError("id", "quiz.idBda").code).toBe("quiz.idBda");
    // @ts-expect-error: a calculator's setup code, misspelt (gate.both)
    expect(new InputError("bias", "gate.bothe").code).toBe("gate.bothe");
    // @ts-expect-error: the reporter's codeText takes typed codes only
    expect(codeText(translator("en"), "conv.nope")).toBe("conv.nope");
    // @ts-expect-error: an io code is not an engine code (the engine's list is its own)
    const engineOnly: EngineErrorCode = "input.fileNotFound";
    const fromEveryLayer: ErrorCode[] = ["conv.biasCount", "budget.workHint", "rf.suffixNotFor.o", "input.fileNotFound", "quiz.idBad", "gate.both", "html.withJson", "error.genericHint"];
    const io: IoErrorCode = "input.stdinTwice";
    expect([engineOnly, ...fromEveryLayer, io]).toHaveLength(10);
  });

  it("a code with no text where its runs find it is caught (the check of src/calculators/error-codes.ts)", () => {
    // An engine code named after a calculator needs a text in its messages; the others, in the catalogue kept in src/i18n.
    const missing: EngineCodesWithoutText<"conv.biasCount" | "input.empty" | "quiz.topicUnknownHint" | "conv.noSuchText"> = "conv.noSuchText";
    // @ts-expect-error: conv.biasCount has its text in conv's messages, so it is not among those without one
    const hasText: EngineCodesWithoutText<"conv.biasCount" | "conv.noSuchText"> = "conv.biasCount";
    // io's errors can come in any command: their texts must be common messages, not a quiz area's.
    const notCommon: IoCodesWithoutText<"input.empty" | "quiz.idBad"> = "quiz.idBad";
    // @ts-expect-error: input.empty is a common message
    const common: IoCodesWithoutText<"input.empty" | "quiz.idBad"> = "input.empty";
    expect([missing, hasText, notCommon, common]).toEqual(["conv.noSuchText", "conv.biasCount", "quiz.idBad", "input.empty"]);
  });

  it("the reporter shows an engine code with its calculator's text, in English and Korean, exit 2", () => {
    const error = inputErrorOf(() => conv2d(tensor([1, 2, 2], [1, 2, 3, 4]), tensor([2, 1, 2, 2], [1, 1, 1, 1, 1, 1, 1, 1]), { bias: [1, 2, 3] }));
    expect(error.code).toBe("conv.biasCount");
    expect(stderrOf(error, "en")).toEqual({
      lines: "error: --bias: has 3 values but the kernel has 2 filters\nhint: add --help to the command to see what each option takes\n",
      exitCode: 2,
    });
    expect(stderrOf(error, "ko")).toEqual({
      lines: "오류: --bias: 값이 3개인데 커널의 필터는 2개입니다\n도움말: 명령에 --help 를 붙이면 각 옵션에 무엇을 주는지 볼 수 있습니다\n",
      exitCode: 2,
    });
  });
});
