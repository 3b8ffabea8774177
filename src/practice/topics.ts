/** Topic selection for the practice commands: `--topic` takes ids (`conv.forward`) and areas (`conv`). */
import { InputError } from "../engine/errors.js";
import { topicSuggestion } from "../engine/suggest.js";
import { listTopics, type Topic } from "../quiz/index.js";

/** Every topic id of the selection, in the catalogue's order, without duplicates; all topics when `values` is empty. */
export function resolveTopics(values: readonly string[], argument = "topic"): string[] {
  const topics = listTopics();
  if (values.length === 0) return topics.map((topic) => topic.id);
  const chosen = new Set<string>();
  for (const raw of values.flatMap((value) => value.split(","))) {
    const value = raw.trim();
    if (value === "") continue;
    const exact = topics.find((topic) => topic.id === value);
    const area = topics.filter((topic) => topic.area === value);
    if (exact) chosen.add(exact.id);
    else if (area.length > 0) area.forEach((topic) => chosen.add(topic.id));
    else {
      const { suggestion, hintCode } = topicSuggestion(value, [...areasOf(topics), ...topics.map((topic) => topic.id)]);
      throw new InputError(argument, "practice.topicUnknown", { topic: value, areas: areasOf(topics).join(", "), suggestion }, hintCode);
    }
  }
  if (chosen.size === 0) throw new InputError(argument, "practice.topicUnknown", { topic: values.join(" "), areas: areasOf(topics).join(", ") }, "quiz.topicUnknownHint");
  return topics.filter((topic) => chosen.has(topic.id)).map((topic) => topic.id);
}

export function areasOf(topics: readonly Topic[]): string[] {
  return [...new Set(topics.map((topic) => topic.area))];
}

/** What `--topic` completes to: every area, then every id. */
export function topicCompletions(): string[] {
  const topics = listTopics();
  return [...areasOf(topics), ...topics.map((topic) => topic.id)];
}
