/**
 * The quiz's words for RoI pooling (`cnn-drill roi`): topic titles, prompts, staged hints and the names of its common mistakes,
 * in exam notation. Added to the catalogue when the quiz loads this drill.
 */
import type { DrillKey } from "../../../drill/topic.js";
import type { MistakeOf } from "../../../drill/tutor.js";

export const en = {
  "quiz.topic.roi.pool": "RoI pooling (Fast R-CNN)",
  "quiz.prompt.roiStride": "An {image}×{image} image went through a backbone of total stride {stride} (as VGG16 in Fast R-CNN), giving the {map}×{map} feature map below: one map cell covers {stride}×{stride} image pixels, so the spatial scale is 1/{stride} = 0.0625.",
  "quiz.prompt.roi.pool": "Compute RoI pooling as torchvision's roi_pool (Fast R-CNN) does. The box (x1, y1, x2, y2) = ({box}) is in image coordinates (x is the column, y the row, both from 0): multiply each corner by the spatial scale {scale} and round halves away from zero; the region includes its last row and column. Split the region's h rows into {ph} bins, bin i covering ⌊i·h/{ph}⌋ to ⌈(i+1)·h/{ph}⌉−1 (bins may overlap), the columns likewise into {pw}, and take each bin's maximum. Give the {ph}×{pw} output.",
  "hint.roi.rule": "The output is {ph}×{pw}, one cell per bin. Multiply each box corner (x1, y1, x2, y2) by the spatial scale {scale} and round halves away from zero; the region on the feature map runs from the rounded start to the rounded end, both included (h = y2 − y1 + 1 rows, w = x2 − x1 + 1 columns). Cut the h rows into {ph} bins, bin i from ⌊i·h/{ph}⌋ to ⌈(i+1)·h/{ph}⌉ − 1 (bins may overlap), the columns likewise; each output cell is its bin's maximum, and an empty bin gives 0.",
  "hint.roi.corners": "The corners on the map (multiply, then round halves away from zero):",
  "hint.roi.bins": "The region is rows {rows} and columns {cols} (counted from 0), so h = {h} and w = {w}; bin height h/{ph} = {bh}, bin width w/{pw} = {bw}.\nRow bins: rows {rowBins}. Column bins: columns {colBins}.",
  "hint.roi.first": "The first bin covers {rowCount|row|rows} {rows} and {colCount|column|columns} {cols}: max({values}) = {value}. The other bins go the same way.",
  "hint.roi.firstEmpty": "The first bin is empty, so its output is 0.",
  "tutor.mistake.roi-floor": "RoI corners are scaled and then rounded to the nearest cell (halves away from zero), not floored",
} as const;

export const ko: Record<keyof typeof en, string> = {
  "quiz.topic.roi.pool": "RoI 풀링 (Fast R-CNN)",
  "quiz.prompt.roiStride": "{image}×{image} 영상이 전체 스트라이드 {stride}인 백본(Fast R-CNN의 VGG16처럼)을 지나 아래의 {map}×{map} 특징 맵이 되었습니다. 맵 한 칸이 영상의 {stride}×{stride} 화소를 덮으므로 spatial scale은 1/{stride} = 0.0625입니다.",
  "quiz.prompt.roi.pool": "torchvision의 roi_pool(Fast R-CNN)처럼 RoI 풀링을 계산하세요. 박스는 영상 좌표로 (x1, y1, x2, y2) = ({box})입니다(x는 열, y는 행, 모두 0부터). 각 모서리 좌표에 스케일(spatial scale = {scale})을 곱하고 0에서 먼 쪽으로 반올림합니다. 영역은 마지막 행과 열을 포함합니다. 영역의 h개 행을 {ph}개 구간으로 나누되 구간 i는 ⌊i·h/{ph}⌋부터 ⌈(i+1)·h/{ph}⌉−1까지이고(구간끼리 겹칠 수 있음), 열도 같은 방법으로 {pw}개로 나눈 뒤 구간마다 최댓값을 구합니다. {ph}×{pw} 출력을 답하세요.",
  "hint.roi.rule": "출력은 구간마다 한 칸씩 {ph}×{pw}입니다. 상자의 꼭짓점 (x1, y1, x2, y2)에 공간 배율을 곱하고(배율 {scale}), 소수 부분이 정확히 .5이면 0에서 먼 쪽으로 반올림합니다. 특징 맵 위의 영역은 반올림한 시작부터 끝까지이며 양 끝을 포함합니다(h = y2 − y1 + 1행, w = x2 − x1 + 1열). h개의 행을 {ph}개 구간으로 나누는데, 구간 i는 ⌊i·h/{ph}⌋부터 ⌈(i+1)·h/{ph}⌉ − 1까지입니다(구간끼리 겹칠 수 있습니다). 열도 같습니다. 출력 칸은 그 구간의 최댓값이고, 빈 구간은 0입니다.",
  "hint.roi.corners": "맵 위의 꼭짓점 (배율을 곱한 뒤, .5는 0에서 먼 쪽으로 반올림):",
  "hint.roi.bins": "영역은 {rows}행, {cols}열(0부터 셈)이므로 h = {h}, w = {w}입니다. 구간의 높이는 h/{ph} = {bh}, 너비는 w/{pw} = {bw}입니다.\n행 구간: {rowBins}행. 열 구간: {colBins}열.",
  "hint.roi.first": "첫 구간은 {rows}행, {cols}열입니다: max({values}) = {value}. 나머지 구간도 같은 방법으로 구합니다.",
  "hint.roi.firstEmpty": "첫 구간은 비어 있으므로 출력은 0입니다.",
  "tutor.mistake.roi-floor": "RoI 꼭짓점은 스케일을 곱한 뒤 가장 가까운 칸으로 반올림합니다(0.5는 0에서 먼 쪽으로). 버림이 아닙니다",
};

/** The keys this drill may use: its own and the catalogue's common ones. */
export type Key = DrillKey<keyof typeof en>;

/** The ids of its common mistakes (each has its message `tutor.mistake.<id>` above). */
export type DrillMistakeId = MistakeOf<keyof typeof en>;
