/** Messages of the practice commands: quiz sessions, history, stats, review, exam and completion. */
export const en = {
  "practice.warningPrefix": "warning",

  // History
  "practice.history.damaged": "the history file {file} was damaged ({badLines} unreadable lines); it is kept as {keptAs} and a fresh file holds its {kept} valid records",
  "practice.history.unreadable": "cannot read the history file {file} ({reason}); continuing without it",
  "practice.history.writeFailed": "could not save this answer to the history file {file} ({reason})",

  // Durations and due dates
  "practice.duration.minutes": "{n} min",
  "practice.duration.hours": "{n} h",
  "practice.duration.oneDay": "1 day",
  "practice.duration.days": "{n} days",
  "practice.due.now": "due now",
  "practice.due.overdue": "overdue {duration}",
  "practice.due.in": "in {duration}",

  // stats
  "practice.stats.help": "progress from your history: per topic answers, accuracy, last practised and next review",
  "practice.stats.title": "Progress",
  "practice.stats.empty": "No answers recorded yet.",
  "practice.stats.emptyHint": "Start a session with: cnn-drill quiz",
  "practice.stats.totals": "{attempts} answers, {correct} right ({percent})",
  "practice.stats.col.topic": "topic",
  "practice.stats.col.answers": "answers",
  "practice.stats.col.right": "right",
  "practice.stats.col.accuracy": "accuracy",
  "practice.stats.col.last": "last practised",
  "practice.stats.col.next": "next review",
  "practice.stats.dueCount": "{count} topic(s) due for review (marked !). Drill them with:",
  "practice.stats.nothingDue": "Nothing due; the next review is {when}.",
  "practice.stats.legend": "Bar: █ share answered right, ░ the rest. Next review is scheduled by FSRS from right/wrong and time taken.",
  "practice.stats.file": "history: {file}",
} as const;

export const ko: Record<keyof typeof en, string> = {
  "practice.warningPrefix": "경고",

  "practice.history.damaged": "기록 파일 {file}이(가) 손상되어 있었습니다(읽을 수 없는 줄 {badLines}개). 원본은 {keptAs}(으)로 보관했고, 새 파일에 올바른 기록 {kept}개를 옮겼습니다",
  "practice.history.unreadable": "기록 파일 {file}을(를) 읽을 수 없습니다({reason}). 기록 없이 계속합니다",
  "practice.history.writeFailed": "이 답을 기록 파일 {file}에 저장하지 못했습니다({reason})",

  "practice.duration.minutes": "{n}분",
  "practice.duration.hours": "{n}시간",
  "practice.duration.oneDay": "1일",
  "practice.duration.days": "{n}일",
  "practice.due.now": "지금 복습",
  "practice.due.overdue": "{duration} 지남",
  "practice.due.in": "{duration} 후",

  "practice.stats.help": "기록으로 본 진도: 주제별 답한 횟수, 정답률, 마지막 연습, 다음 복습",
  "practice.stats.title": "진도",
  "practice.stats.empty": "아직 기록된 답이 없습니다.",
  "practice.stats.emptyHint": "연습 시작: cnn-drill quiz",
  "practice.stats.totals": "답 {attempts}개, 정답 {correct}개 ({percent})",
  "practice.stats.col.topic": "주제",
  "practice.stats.col.answers": "답",
  "practice.stats.col.right": "정답",
  "practice.stats.col.accuracy": "정답률",
  "practice.stats.col.last": "마지막 연습",
  "practice.stats.col.next": "다음 복습",
  "practice.stats.dueCount": "복습할 때가 된 주제가 {count}개 있습니다(! 표시). 이렇게 연습하세요:",
  "practice.stats.nothingDue": "지금 복습할 주제는 없습니다. 다음 복습은 {when}입니다.",
  "practice.stats.legend": "막대: █ 맞힌 비율, ░ 나머지. 다음 복습은 정답 여부와 걸린 시간으로 FSRS가 정합니다.",
  "practice.stats.file": "기록 파일: {file}",
};
