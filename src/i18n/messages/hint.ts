/** Messages of the `hint` area: the hint command and what every topic's hints share (each topic's own hints live in its calculator's drill). */
export const en = {
  "hint.noHints": "there are no hints for topic {topic}",
  "hint.noHintsHint": "hints exist for the numeric topics; cnn-drill topics lists them",
  "hint.givenBad": "the problem's given value \"{name}\" is missing or not a {expected}",
  "hint.levelBad": "there is no hint \"{text}\": this problem has hints 1 to {levels}",
  "hint.levelBadHint": "give a level from 1 to {levels}, or none for the first hint",
  "hint.bin.empty": "empty",
  "hint.help": "show a staged hint for a problem (level 1 first), before its solution",
  "hint.help.id": "problem id TOPIC@SEED, as problem prints it",
  "hint.help.level": "which hint: 1 (what is asked and how it is found) up to the last (the first cell or term worked); default 1",
  "hint.help.examples": "  cnn-drill hint conv.forward@1234            # the first hint\n  cnn-drill hint conv.forward@1234 --level 2  # the next one",
  "hint.heading": "Hint {level} of {levels} — {id}",
  "hint.next": "Next hint: {command}",
  "hint.last": "That was the last hint. Check your answer: {command}",

  "hint.conv.withNumbers": "With the numbers:",
} as const;

export const ko: Record<keyof typeof en, string> = {
  "hint.noHints": "{topic} 주제에는 힌트가 없습니다",
  "hint.noHintsHint": "힌트는 계산 문제 주제에만 있습니다. 주제 목록은 cnn-drill topics 로 봅니다",
  "hint.givenBad": "문제에 주어진 값 \"{name}\"이(가) 없거나 {expected} 형식이 아닙니다",
  "hint.levelBad": "없는 힌트 단계입니다: \"{text}\". 이 문제의 힌트는 1단계부터 {levels}단계까지입니다",
  "hint.levelBadHint": "1부터 {levels}까지의 단계를 주거나, 첫 힌트를 보려면 비워 두세요",
  "hint.bin.empty": "빈 구간",
  "hint.help": "문제의 단계별 힌트를 풀이 전에 보여 줍니다 (1단계부터)",
  "hint.help.id": "problem이 출력한 문제 id TOPIC@SEED",
  "hint.help.level": "몇 단계 힌트인지: 1(무엇을 어떻게 구하는지)부터 마지막(첫 칸이나 첫 항 풀이)까지. 기본값 1",
  "hint.help.examples": "  cnn-drill hint conv.forward@1234            # 첫 힌트\n  cnn-drill hint conv.forward@1234 --level 2  # 다음 힌트",
  "hint.heading": "힌트 {level}/{levels} — {id}",
  "hint.next": "다음 힌트: {command}",
  "hint.last": "마지막 힌트였습니다. 답을 채점하려면: {command}",

  "hint.conv.withNumbers": "숫자를 넣으면:",
};
