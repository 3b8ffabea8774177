/**
 * Message keys are checked by the type checker (`npm run typecheck` compiles this file): each
 * `@ts-expect-error` below must stay an error, or the type check fails.
 */
import { describe, expect, it } from "vitest";
import type { Key as ConvKey } from "../../src/calculators/conv/messages.js";
import type { Key as GateKey } from "../../src/calculators/gate/messages.js";
import { translator, type KeysUnder, type MessageKey } from "../../src/i18n/index.js";
import type { Key as ConvDrillKey } from "../../src/calculators/conv/drill/messages.js";
import type { PromptPart, TopicOf } from "../../src/drill/topic.js";

describe("typed message keys", () => {
  it("a misspelt key, prompt key or topic id is a type error; a calculator speaks its own keys and the common ones", () => {
    const t = translator<ConvKey>("en");
    // @ts-expect-error: no such key
    expect(t("conv.help.inptu")).toBe("conv.help.inptu");
    // @ts-expect-error: conv's translator does not know gate's keys
    expect(t("gate.help.name")).toContain("and, or");
    const gate = translator<GateKey>("en");
    expect(gate("gate.help.name")).toContain("and, or");
    expect(t("error.prefix")).toBe("error");
    // @ts-expect-error: a prompt names a catalogue key
    const prompt: PromptPart<ConvDrillKey> = { key: "quiz.prompt.conv.froward" };
    // @ts-expect-error: a topic needs a title, quiz.topic.<id>, in its drill's messages
    const topic: TopicOf<ConvDrillKey> = "conv.fowrard";
    const fine: MessageKey = "quiz.check.solution";
    const own: ConvKey = "conv.help.input";
    const known: TopicOf<ConvDrillKey> = "conv.forward";
    const concept: KeysUnder<"quiz.topic."> = "concept.xor";
    expect([prompt.key, topic, fine, own, known, concept]).toEqual(["quiz.prompt.conv.froward", "conv.fowrard", "quiz.check.solution", "conv.help.input", "conv.forward", "concept.xor"]);
  });
});
