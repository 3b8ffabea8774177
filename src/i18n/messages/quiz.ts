/** Messages of the `quiz` area (commands, explanations, errors). */
export const en = {} as const;

export const ko: Record<keyof typeof en, string> = {};
