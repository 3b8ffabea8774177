/** Messages of the tutor: the mistakes every topic shares and the likely causes of an answer of the wrong shape (each calculator's own mistakes live in its drill). */
export const en = {
  "tutor.mistakeTitle": "Likely mistake",
  "tutor.mistake.transposed": "your answer is the transpose of the right one: rows and columns are swapped (s12 is row 1, column 2)",
  "tutor.shape.no-padding": "this is the size without padding: windows also sit on the zero padding ({p} on each side), so there are more of them",
  "tutor.shape.no-stride": "this is the size with stride 1: the window moves {s} cells at a time, so there are fewer positions",
  "tutor.shape.no-dilation": "this is the size of an undilated kernel: with dilation {d} the kernel spans k̂ = d·(k − 1) + 1 cells",
  "tutor.shape.grad-shape": "this is the shape of δ; the gradient asked has the shape of {of} ({shape})",
  "tutor.shape.transposed": "rows and columns are swapped: the answer has {rows} rows and {cols} columns",
};

export const ko: Record<keyof typeof en, string> = {
  "tutor.mistakeTitle": "짐작되는 실수",
  "tutor.mistake.transposed": "답이 정답의 전치 행렬입니다. 행과 열이 바뀌었습니다(s12는 1행 2열)",
  "tutor.shape.no-padding": "패딩 없이 계산한 크기입니다. 창은 양쪽에 {p}줄씩 덧댄 0 위에도 놓이므로 그 수가 더 많습니다",
  "tutor.shape.no-stride": "스트라이드 1로 계산한 크기입니다. 창이 한 번에 {s}칸씩 움직이므로 위치가 더 적습니다",
  "tutor.shape.no-dilation": "팽창 없는 커널의 크기입니다. 팽창 {d}이면 커널이 덮는 칸 수는 k̂ = d·(k − 1) + 1입니다",
  "tutor.shape.grad-shape": "δ의 모양입니다. 구하는 기울기는 {of}의 모양({shape})입니다",
  "tutor.shape.transposed": "행과 열이 바뀌었습니다. 정답은 {rows}행 {cols}열입니다",
};
