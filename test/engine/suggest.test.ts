/** "Did you mean": edit distance and the nearest candidates (topic ids and areas use them). */
import { describe, expect, it } from "vitest";
import { closestWords, editDistance, topicSuggestion } from "../../src/engine/suggest.js";

describe("editDistance", () => {
  it.each([
    ["kitten", "sitting", 3],
    ["conv.forwrd", "conv.forward", 1],
    ["ab", "ba", 1],
    ["", "abc", 3],
    ["abc", "abc", 0],
    ["conv.grad", "conv.true", 3],
  ])("%s → %s takes %i edits", (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe("closestWords", () => {
  const TOPICS = ["conv.forward", "conv.padded", "pool.max", "pool.avg", "spp.vector", "rf", "roi"];
  it.each([
    ["conv.forwrd", ["conv.forward"]],
    ["CONV.FORWARD", ["conv.forward"]],
    [" pool.mx ", ["pool.max"]],
    ["pool.ag", ["pool.avg"]],
    ["rof", ["rf", "roi"]],
    ["conv.grad", []],
    ["zzz", []],
    ["", []],
  ])("%j → %j", (word, expected) => {
    expect(closestWords(word, TOPICS)).toEqual(expected);
  });
});

describe("topicSuggestion", () => {
  it.each([
    ["conv.forwrd", "conv.forward", "topic.didYouMean"],
    ["rof", "rf, roi", "topic.didYouMeanOneOf"],
    ["zzz", "", "quiz.topicUnknownHint"],
  ])("%s → %j with hint %s", (word, suggestion, hintCode) => {
    expect(topicSuggestion(word, ["conv.forward", "rf", "roi"])).toEqual({ suggestion, hintCode });
  });
});
