/**
 * The quiz's words for spatial pyramid pooling (`cnn-drill spp`): topic titles, prompts, staged hints and the names of its common mistakes,
 * in exam notation. Added to the catalogue when the quiz loads this drill.
 */
import type { DrillKey } from "../../../drill/topic.js";
import type { MistakeOf } from "../../../drill/tutor.js";

export const en = {
  "quiz.topic.spp.length": "Spatial pyramid pooling: vector length",
  "quiz.topic.spp.vector": "Spatial pyramid pooling: the pooled vector",
  "quiz.prompt.spp.length": "Spatial pyramid pooling (SPP-net) with the levels {levels} is applied to the feature map below (channels × height × width = {channels}×{height}×{width}): each level splits every channel into n×n bins and keeps one number per bin, and all levels are concatenated. How long is the output vector?",
  "quiz.prompt.spp.vector": "Apply spatial pyramid pooling with max pooling and the levels {levels} to the feature map. Level n splits each side of length a into n bins, bin i covering ⌊i·a/n⌋ to ⌈(i+1)·a/n⌉−1 (bins may overlap), as PyTorch's adaptive_max_pool2d; take each bin's maximum.",
  "quiz.prompt.spp.vectorAvg": "Apply spatial pyramid pooling with average pooling and the levels {levels} to the feature map. Level n splits each side of length a into n bins, bin i covering ⌊i·a/n⌋ to ⌈(i+1)·a/n⌉−1, as PyTorch's adaptive_avg_pool2d; take each bin's average.",
  "quiz.prompt.sppOrder": "Write the vector as one row: the levels in the order {levels}, each level's bins row by row.",
  "quiz.lead.spp.length": "Length = C · Σ n² = {channels} · ({squares}) = {answer}: each level n keeps n² numbers per channel, whatever the map's height and width.",
  "hint.spp.lengthRule": "Level n cuts the map into n×n bins and each bin gives one value per channel, so the length is C·Σn² (C channels, the sum over the levels); the map's height and width do not change it.",
  "hint.spp.lengthNumbers": "Here C = {c} and the levels are {levels}: C·Σn² = {c}·({squares}) = {c}·({values}).",
  "hint.spp.vectorRule": "The vector has C·Σn² = {length} entries. Level n cuts the {h}×{w} map into n×n bins, bin i covering rows ⌊i·H/n⌋ to ⌈(i+1)·H/n⌉ − 1 (counted from 0; bins may overlap), the columns likewise; each bin gives its {pooled}. The levels come in the order {levels}, each level's bins row by row.",
  "hint.spp.pooled.max": "maximum",
  "hint.spp.pooled.avg": "average",
  "hint.spp.firstLevelBins": "Level {n} comes first. Its row bins: rows {rowBins}; its column bins: columns {colBins}.",
  "hint.spp.bin": "{rowCount|row|rows} {rows}, {colCount|column|columns} {cols}",
  "hint.spp.fn.max": "max",
  "hint.spp.fn.avg": "mean",
  "hint.spp.firstLevelWorked": "Level {n}, bin by bin (the first entries of the vector):",
  "tutor.mistake.spp-no-channels": "each channel gives Σn² numbers, so the length is C·Σn²: you left out the channels",
} as const;

export const ko: Record<keyof typeof en, string> = {
  "quiz.topic.spp.length": "공간 피라미드 풀링: 벡터 길이",
  "quiz.topic.spp.vector": "공간 피라미드 풀링: 풀링된 벡터",
  "quiz.prompt.spp.length": "아래 특징 맵(채널 × 높이 × 너비 = {channels}×{height}×{width})에 레벨 {levels}의 공간 피라미드 풀링(SPP-net)을 적용합니다. 각 레벨은 채널마다 n×n개의 구간으로 나누어 구간마다 숫자 하나를 남기고, 모든 레벨을 이어 붙입니다. 출력 벡터의 길이는 얼마인가요?",
  "quiz.prompt.spp.vector": "특징 맵에 최대 풀링과 레벨 {levels}의 공간 피라미드 풀링을 적용하세요. 레벨 n은 길이 a인 각 변을 n개 구간으로 나누고, 구간 i는 ⌊i·a/n⌋부터 ⌈(i+1)·a/n⌉−1까지입니다(구간끼리 겹칠 수 있음, PyTorch의 adaptive_max_pool2d와 같음). 구간마다 최댓값을 구합니다.",
  "quiz.prompt.spp.vectorAvg": "특징 맵에 평균 풀링과 레벨 {levels}의 공간 피라미드 풀링을 적용하세요. 레벨 n은 길이 a인 각 변을 n개 구간으로 나누고, 구간 i는 ⌊i·a/n⌋부터 ⌈(i+1)·a/n⌉−1까지입니다(PyTorch의 adaptive_avg_pool2d와 같음). 구간마다 평균을 구합니다.",
  "quiz.prompt.sppOrder": "벡터는 한 줄로 쓰세요: 레벨은 {levels} 순서로, 각 레벨의 구간은 행 단위로 차례대로.",
  "quiz.lead.spp.length": "길이 = C · Σ n² = {channels} · ({squares}) = {answer}: 레벨 n은 특징 맵의 높이와 너비에 상관없이 채널마다 숫자 n²개를 남깁니다.",
  "hint.spp.lengthRule": "레벨 n은 맵을 n×n 구간으로 나누고 구간마다 채널당 값 하나를 내므로, 길이는 C·Σn²입니다(C는 채널 수, 합은 모든 레벨에 대해). 맵의 높이와 너비는 길이를 바꾸지 않습니다.",
  "hint.spp.lengthNumbers": "여기서 C = {c}, 레벨은 {levels}이므로 C·Σn² = {c}·({squares}) = {c}·({values})입니다.",
  "hint.spp.vectorRule": "벡터의 길이는 C·Σn² = {length}입니다. 레벨 n은 {h}×{w} 맵을 n×n 구간으로 나누며, 구간 i는 ⌊i·H/n⌋행부터 ⌈(i+1)·H/n⌉ − 1행까지입니다(0부터 셈, 구간끼리 겹칠 수 있음). 열도 같습니다. 구간마다 {pooled}을 냅니다. 레벨은 {levels} 순서로, 각 레벨 안에서는 구간을 행 순서로 씁니다.",
  "hint.spp.pooled.max": "최댓값",
  "hint.spp.pooled.avg": "평균",
  "hint.spp.firstLevelBins": "첫 레벨은 {n}입니다. 행 구간: {rowBins}행, 열 구간: {colBins}열.",
  "hint.spp.bin": "{rows}행, {cols}열",
  "hint.spp.fn.max": "max",
  "hint.spp.fn.avg": "평균",
  "hint.spp.firstLevelWorked": "레벨 {n}의 구간별 값 (벡터의 맨 앞 값들입니다):",
  "tutor.mistake.spp-no-channels": "채널마다 Σn²개의 수가 나오므로 길이는 C·Σn²입니다. 채널 수를 빠뜨렸습니다",
};

/** The keys this drill may use: its own and the catalogue's common ones. */
export type Key = DrillKey<keyof typeof en>;

/** The ids of its common mistakes (each has its message `tutor.mistake.<id>` above). */
export type DrillMistakeId = MistakeOf<keyof typeof en>;
