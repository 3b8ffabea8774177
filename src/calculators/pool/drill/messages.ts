/**
 * The quiz's words for pooling (`cnn-drill pool`): max pooling, its gradient mask and gradients, and average pooling's gradient: topic titles, prompts, the asked quantity's name, staged hints and the names of its common mistakes,
 * in exam notation. Added to the catalogue when the quiz loads this drill.
 */
import type { DrillKey } from "../../../drill/topic.js";
import type { MistakeOf } from "../../../drill/tutor.js";

export const en = {
  "quiz.topic.pool.max": "Max pooling forward",
  "quiz.topic.pool.max-mask": "Max pooling: which cells receive gradient",
  "quiz.topic.pool.max-grad": "Max pooling backward",
  "quiz.topic.pool.avg-grad": "Average pooling backward",
  "quiz.prompt.poolSetting": "Window {size}×{size}, stride {stride}, padding {padding}.",
  "quiz.prompt.pool.max": "Compute the output of max pooling (PyTorch's max_pool2d): each output cell is the largest input value in its window.",
  "quiz.prompt.poolPaddingMax": "Max pooling pads with −∞: padded cells are never chosen as a maximum.",
  "quiz.prompt.poolPaddingAvg": "Padded cells count as zeros and are included in the divisor (count_include_pad).",
  "quiz.prompt.pool.max-mask": "Max pooling (PyTorch's max_pool2d) remembers, for each window, where its maximum is; when values tie, the first one in row-major order (left to right, then top to bottom) is chosen. Which input cells receive gradient in the backward pass? Answer with a 0/1 matrix shaped like the input: 1 for a cell that is the chosen maximum of at least one window.",
  "quiz.prompt.pool.max-grad": "The input a went through max pooling (PyTorch's max_pool2d; on ties the first maximum in row-major order wins) and the upstream gradient δ = ∂L/∂y is the loss gradient at its output y. Compute ∂L/∂a, the gradient of the loss with respect to the input a.",
  "quiz.prompt.pool.avg-grad": "The input a went through average pooling (PyTorch's avg_pool2d) and the upstream gradient δ = ∂L/∂y is the loss gradient at its output y. Compute ∂L/∂a, the gradient of the loss with respect to the input a.",
  "quiz.prompt.poolGradShape": "The answer is shaped like the input; where windows overlap, their gradients add up.",
  "hint.pool.windows": "There are {h}×{w} windows: each side ⌊(n + 2·p − k)/s⌋ + 1 = ⌊({n} + 2·{p} − {k})/{s}⌋ + 1 = {h} (window k = {k}, stride s = {s}, padding p = {p}).",
  "hint.pool.maxRule": "The output s has one cell per window: the largest value in that window.",
  "hint.pool.maskRule": "The mask has the shape of a, {n}×{n}: 1 on every cell that is the maximum of at least one window, 0 elsewhere. On a tie only the first maximum counts (row by row, left to right), as in PyTorch.",
  "hint.pool.maxGradRule": "∂L/∂a has the shape of a, {n}×{n}, and δ has one entry per window. δ_ij goes only to the maximum of window ij (on a tie, the first one row by row); a cell that is the maximum of several windows adds their δs; every other cell gets 0.",
  "hint.pool.avgGradRule": "∂L/∂a has the shape of a, {n}×{n}. Average pooling shares δ_ij out equally: each of the {kk} cells of window ij gets δ_ij/{kk}, and where windows overlap the shares add.",
  "hint.pool.overlap": "The windows overlap (stride {s} < window {k}), so a cell can belong to several windows.",
  "hint.pool.maxPadding": "Padded cells are never the maximum.",
  "hint.pool.avgPadding": "Padded cells count as zeros in the divisor {kk} but get no gradient.",
  "hint.pool.firstWindow": "The first window (for s11) holds {cells} = {values}.",
  "hint.pool.firstWindowPadded": "Its other cells are padding.",
  "hint.pool.firstShare": "Every real cell of the window gets δ11/{kk} = {g}/{kk} = {share}.",
  "hint.pool.firstMax": "Its maximum is {max}, at {cell}.",
  "hint.pool.firstTie": "({count} cells hold {max}; the first one, {cell}, is taken.)",
  "hint.pool.firstRoute": "So δ11 = {g} goes to {cell} alone.",
  "hint.pool.at": ", at {cell}",
  "hint.pool.firstRowMax": "The first row of s:",
  "hint.pool.firstRowMask": "The maxima of the first row of windows (mark their cells with 1):",
  "hint.pool.firstRowGrad": "The first row of ∂L/∂a:",
  "tutor.mistake.pool-grad-to-all": "you copied each window's δ to every cell of the window; max pooling sends it only to the window's maximum",
  "tutor.mistake.pool-grad-averaged": "you shared δ out over the window as average pooling does; max pooling sends all of it to the maximum",
  "tutor.mistake.pool-overlap-not-summed": "where windows overlap, a cell that is the maximum of several windows receives the sum of their δ, not only the last one",
  "tutor.mistake.pool-tie-all": "with tied maxima only the first one in row-major order (left to right, then down) is chosen, not every tied cell",
  "practice.ask.pool.output": "Output y",
} as const;

export const ko: Record<keyof typeof en, string> = {
  "quiz.topic.pool.max": "최대 풀링 순전파",
  "quiz.topic.pool.max-mask": "최대 풀링: 기울기를 받는 칸",
  "quiz.topic.pool.max-grad": "최대 풀링 역전파",
  "quiz.topic.pool.avg-grad": "평균 풀링 역전파",
  "quiz.prompt.poolSetting": "창 {size}×{size}, 스트라이드 {stride}, 패딩 {padding}.",
  "quiz.prompt.pool.max": "최대 풀링(PyTorch의 max_pool2d)의 출력을 계산하세요: 각 출력 칸은 그 창 안의 가장 큰 입력값입니다.",
  "quiz.prompt.poolPaddingMax": "최대 풀링은 −∞로 패딩하므로 패딩 칸은 최댓값으로 뽑히지 않습니다.",
  "quiz.prompt.poolPaddingAvg": "패딩 칸은 0으로 보고 나누는 수에도 포함합니다(count_include_pad).",
  "quiz.prompt.pool.max-mask": "최대 풀링(PyTorch의 max_pool2d)은 창마다 최댓값의 위치를 기억합니다. 값이 같으면 행 우선 순서(왼쪽에서 오른쪽, 위에서 아래)로 첫 번째 것을 고릅니다. 역전파에서 기울기를 받는 입력 칸은 어디인가요? 입력과 같은 크기의 0/1 행렬로 답하세요: 적어도 한 창에서 최댓값으로 뽑힌 칸은 1입니다.",
  "quiz.prompt.pool.max-grad": "입력 a가 최대 풀링(PyTorch의 max_pool2d, 값이 같으면 행 우선 순서로 첫 번째 최댓값)을 지났고, 상류 기울기 δ = ∂L/∂y는 출력 y에서의 손실 기울기입니다. 입력 a에 대한 손실의 기울기 ∂L/∂a를 구하세요.",
  "quiz.prompt.pool.avg-grad": "입력 a가 평균 풀링(PyTorch의 avg_pool2d)을 지났고, 상류 기울기 δ = ∂L/∂y는 출력 y에서의 손실 기울기입니다. 입력 a에 대한 손실의 기울기 ∂L/∂a를 구하세요.",
  "quiz.prompt.poolGradShape": "답은 입력과 같은 크기입니다. 창이 겹치는 곳에서는 기울기를 더합니다.",
  "hint.pool.windows": "창은 {h}×{w}개입니다. 한 변마다 ⌊(n + 2·p − k)/s⌋ + 1 = ⌊({n} + 2·{p} − {k})/{s}⌋ + 1 = {h}입니다(창 k = {k}, 스트라이드 s = {s}, 패딩 p = {p}).",
  "hint.pool.maxRule": "출력 s는 창마다 한 칸이며, 그 창에서 가장 큰 값입니다.",
  "hint.pool.maskRule": "마스크는 a와 같은 {n}×{n}입니다. 어느 한 창에서라도 최댓값인 칸은 1, 나머지는 0입니다. 같은 최댓값이 여럿이면 PyTorch처럼 (행 순서로, 왼쪽부터) 첫 번째 것만 셉니다.",
  "hint.pool.maxGradRule": "∂L/∂a는 a와 같은 {n}×{n}이고, δ는 창마다 하나입니다. δ_ij는 창 ij의 최댓값 칸으로만 갑니다(같은 값이 여럿이면 행 순서로 첫 번째). 여러 창의 최댓값인 칸은 그 δ들을 더하고, 나머지 칸은 0입니다.",
  "hint.pool.avgGradRule": "∂L/∂a는 a와 같은 {n}×{n}입니다. 평균 풀링은 δ_ij를 똑같이 나눕니다. 창 ij의 {kk}칸이 각각 δ_ij/{kk}씩 받고, 창이 겹치는 칸은 그 몫을 더합니다.",
  "hint.pool.overlap": "스트라이드(s = {s})가 창 크기(k = {k})보다 작아 창이 겹치므로, 한 칸이 여러 창에 속할 수 있습니다.",
  "hint.pool.maxPadding": "패딩 칸은 최댓값이 되지 않습니다.",
  "hint.pool.avgPadding": "패딩 칸도 0으로서 나누는 수 {kk}에 들어가지만, 기울기는 받지 않습니다.",
  "hint.pool.firstWindow": "첫 창(s11의 창)의 칸은 {cells} = {values}입니다.",
  "hint.pool.firstWindowPadded": "나머지 칸은 패딩입니다.",
  "hint.pool.firstShare": "창 안의 실제 칸은 저마다 δ11/{kk} = {g}/{kk} = {share}씩 받습니다.",
  "hint.pool.firstMax": "최댓값은 {cell}의 {max}입니다.",
  "hint.pool.firstTie": "(최댓값 {max}인 칸이 {count}개이므로 첫 번째 칸 {cell}만 셉니다.)",
  "hint.pool.firstRoute": "따라서 δ11({g})은 {cell} 칸으로만 갑니다.",
  "hint.pool.at": ", 위치 {cell}",
  "hint.pool.firstRowMax": "s의 첫 행:",
  "hint.pool.firstRowMask": "첫 행 창들의 최댓값 (그 칸에 1을 표시합니다):",
  "hint.pool.firstRowGrad": "∂L/∂a의 첫 행:",
  "tutor.mistake.pool-grad-to-all": "각 창의 δ를 창의 모든 칸에 복사했습니다. 최대 풀링은 창의 최댓값 칸에만 보냅니다",
  "tutor.mistake.pool-grad-averaged": "평균 풀링처럼 δ를 창 전체에 나누어 주었습니다. 최대 풀링은 δ 전부를 최댓값 칸에 보냅니다",
  "tutor.mistake.pool-overlap-not-summed": "창이 겹치면, 여러 창의 최댓값인 칸은 마지막 창의 δ만이 아니라 그 창들의 δ를 모두 더해 받습니다",
  "tutor.mistake.pool-tie-all": "최댓값이 같으면 행 우선 순서(왼쪽에서 오른쪽, 위에서 아래)로 첫 번째 칸만 선택됩니다. 같은 값의 칸 모두가 아닙니다",
  "practice.ask.pool.output": "출력 y",
};

/** The keys this drill may use: its own and the catalogue's common ones. */
export type Key = DrillKey<keyof typeof en>;

/** The ids of its common mistakes (each has its message `tutor.mistake.<id>` above). */
export type DrillMistakeId = MistakeOf<keyof typeof en>;
