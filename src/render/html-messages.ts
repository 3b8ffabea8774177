/**
 * Messages of the typeset (HTML) answers that the text answers do not need: the `--html` option, its
 * one usage error, and the captions and legend entries whose text version names a text mark (`·`,
 * `[x]`, `│`), which a page shows as a cell style instead.
 */
export const en = {
  "html.help": "print the worked answer as a typeset HTML page (tables, formulas) to save or print",
  "html.withJson": "cannot be used with --json",
  "html.withJsonHint": "use --json for the numbers, or --html for a page to read or print",
  "html.gradInput": "∂L/∂a",
  "html.poolChosen": "Input a: the cells chosen as a maximum (they receive gradient)",
  "html.roiPicture": "The map (rows and columns counted from 0), the region framed, a thick rule where each bin starts",
  "html.sppPicture": "The map (rows and columns counted from 0), a thick rule where each bin starts",
  "html.footprints": "Dilated kernels",
  "html.legend.window": "read by the first output cell",
  "html.legend.kernel": "the kernel as applied",
  "html.legend.padding": "zero padding",
  "html.legend.inserted": "zeros inserted or padded (not entries of δ)",
  "html.legend.max": "the maximum chosen (on a tie, the first in row-major order)",
  "html.legend.routed": "receives gradient",
  "html.legend.bins": "thick rule: where a bin starts",
  "html.legend.outside": "outside the region",
  "html.legend.tap": "a weight",
  "html.legend.hole": "a hole (dilation)",
  "html.legend.read": "read by the unit",
  "html.legend.skipped": "a hole inside the field (dilation)",
  "html.legend.fires": "where the unit fires (z > 0, y = 1)",
  "html.legend.point": "the four inputs, labelled with the output",
} as const;

export const ko: Record<keyof typeof en, string> = {
  "html.help": "풀이를 표와 수식으로 조판한 HTML 페이지로 출력 (저장하거나 인쇄용)",
  "html.withJson": "--json 과 함께 쓸 수 없습니다",
  "html.withJsonHint": "숫자만 필요하면 --json, 읽거나 인쇄할 페이지가 필요하면 --html 을 쓰세요",
  "html.gradInput": "∂L/∂a",
  "html.poolChosen": "입력 a: 최댓값으로 뽑힌 칸 (기울기를 받는 칸)",
  "html.roiPicture": "특징 맵 (행과 열 번호는 0부터): 영역은 테두리로, 각 구간이 시작하는 곳은 굵은 선으로 표시",
  "html.sppPicture": "맵 (행과 열 번호는 0부터): 각 구간이 시작하는 곳은 굵은 선으로 표시",
  "html.footprints": "팽창된 커널",
  "html.legend.window": "첫 번째 출력 칸이 읽는 칸",
  "html.legend.kernel": "적용하는 커널",
  "html.legend.padding": "0 패딩",
  "html.legend.inserted": "끼워 넣거나 패딩한 0 (δ의 원소가 아님)",
  "html.legend.max": "선택된 최댓값 (같은 값이면 행 우선 순서로 첫 번째)",
  "html.legend.routed": "기울기를 받는 칸",
  "html.legend.bins": "굵은 선: 구간이 시작하는 곳",
  "html.legend.outside": "영역 밖",
  "html.legend.tap": "가중치",
  "html.legend.hole": "구멍 (팽창)",
  "html.legend.read": "유닛이 읽는 칸",
  "html.legend.skipped": "수용 영역 안의 구멍 (팽창)",
  "html.legend.fires": "유닛이 발화하는 쪽 (z > 0, y = 1)",
  "html.legend.point": "네 입력과 그 출력",
};

export type HtmlKey = keyof typeof en;
