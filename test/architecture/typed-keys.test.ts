/**
 * Message keys are checked by the type checker (`npm run typecheck` compiles this file): each
 * `@ts-expect-error` below must stay an error, or the type check fails.
 */
import { describe, expect, it } from "vitest";
import { translator, type KeysUnder, type MessageKey } from "../../src/i18n/index.js";
import type { PromptPart, TopicId } from "../../src/quiz/generators/types.js";

describe("typed message keys", () => {
  it("a misspelt key, prompt key or topic id is a type error", () => {
    const t = translator("en");
    // @ts-expect-error: no such key
    expect(t("conv.help.inptu")).toBe("conv.help.inptu");
    // @ts-expect-error: a prompt names a catalogue key
    const prompt: PromptPart = { key: "quiz.prompt.conv.froward" };
    // @ts-expect-error: a topic needs a title, quiz.topic.<id>
    const topic: TopicId = "conv.fowrard";
    const fine: MessageKey = "conv.help.input";
    const known: KeysUnder<"quiz.topic."> = "conv.forward";
    expect([prompt.key, topic, fine, known]).toEqual(["quiz.prompt.conv.froward", "conv.fowrard", "conv.help.input", "conv.forward"]);
  });
});
