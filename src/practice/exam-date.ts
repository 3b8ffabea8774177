/**
 * Which exam date a command plans to: `--exam-date` when given, else the one set with `config`. A date
 * already past is ignored (the caller warns). Pure: the configured value and `now` are passed in.
 */
import { examWindow, parseExamDate, type CalendarDay, type ExamWindow } from "./exam-plan.js";

export interface ExamDateChoice {
  /** The exam window, or undefined with no exam date or a past one. */
  exam: ExamWindow | undefined;
  /** The date that was ignored because it is past. */
  past?: CalendarDay;
}

/** `optionText`: `--exam-date` as typed (checked: a bad date is an InputError); `configured`: the setting, already checked. */
export function chooseExamDate(optionText: string | undefined, configured: CalendarDay | undefined, now: Date): ExamDateChoice {
  const day = optionText !== undefined ? parseExamDate(optionText) : configured;
  if (day === undefined) return { exam: undefined };
  const exam = examWindow(day, now);
  return exam === undefined ? { exam, past: day } : { exam };
}
