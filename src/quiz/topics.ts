/** Every topic: the numeric ones (one generator each) and one concept topic per seed topic (question bank). */
import { translator, type Lang } from "../i18n/index.js";
import { numericGenerators } from "./drills.js";
import type { Topic, TopicKind } from "./types.js";

/** The seven concept topics of the syllabus (../shared/seed/TOPICS.md), in syllabus order. */
export const CHOICE_TOPICS = [
  "concept.correlation",
  "concept.conv-forward",
  "concept.conv-backward",
  "concept.max-pool-grad",
  "concept.roi-spp",
  "concept.atrous",
  "concept.xor",
] as const;

export type ChoiceTopicId = (typeof CHOICE_TOPICS)[number];

export function isChoiceTopic(id: string): id is ChoiceTopicId {
  return (CHOICE_TOPICS as readonly string[]).includes(id);
}

function makeTopic(id: string, kind: TopicKind): Topic {
  const titleKey = `quiz.topic.${id}`;
  return {
    id,
    area: id.slice(0, id.indexOf(".")),
    kind,
    title: { en: translator<string>("en")(titleKey), ko: translator<string>("ko")(titleKey) },
  };
}

/** Every topic: numeric topics in area order, then the concept topics. */
export function listTopics(): Topic[] {
  return [...numericGenerators().map((generator) => makeTopic(generator.topic, "numeric")), ...CHOICE_TOPICS.map((id) => makeTopic(id, "choice"))];
}

export function findTopic(id: string): Topic | undefined {
  return listTopics().find((topic) => topic.id === id);
}

/** The title of topic `id` in `lang`; the id itself for a topic no longer listed (old history entries). */
export function topicTitle(id: string, lang: Lang): string {
  return findTopic(id)?.title[lang] ?? id;
}
