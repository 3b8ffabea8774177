/** summariseSession: the per-topic and total tallies of a session's summary table. */
import { describe, expect, it } from "vitest";
import { summariseSession, type SessionAnswer } from "../../src/practice/session.js";

function answer(topic: string, correct: boolean, seconds: number): SessionAnswer {
  return { id: `${topic}@1`, topic, correct, score: correct ? 1 : 0, seconds, gaveUp: false, attempts: 1, hints: 0 };
}

describe("summariseSession", () => {
  it("no answers: no topics, total 0/0 in 0 s", () => {
    expect(summariseSession([])).toEqual({ byTopic: [], total: { right: 0, total: 0, seconds: 0 } });
  });

  it("conv.padded ✓, conv.forward ✗, conv.padded ✗: topics in the order first answered, seconds added", () => {
    const summary = summariseSession([answer("conv.padded", true, 7.4), answer("conv.forward", false, 28), answer("conv.padded", false, 10)]);
    expect(summary.byTopic).toEqual([
      { topic: "conv.padded", right: 1, total: 2, seconds: 17.4 },
      { topic: "conv.forward", right: 0, total: 1, seconds: 28 },
    ]);
    expect(summary.total).toEqual({ right: 1, total: 3, seconds: 45.4 });
  });
});
