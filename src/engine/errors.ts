/**
 * Typed input errors. The engine never formats human text: it names the argument, a message
 * code from the catalogue and the values that go into the message.
 *
 * Codes are typed: `check` and `InputError` take an `ErrorCode`, so a misspelt code (or hint code)
 * fails the type check. The engine lists its own codes below and knows nothing of the layers above;
 * each of them adds its codes to `ErrorCodes` by declaration merging, in a file of its own layer
 * (io: src/io/error-codes.ts; the catalogue's areas: src/i18n/catalog.ts; the calculators' messages:
 * src/calculators/error-codes.ts, which also checks that every engine and io code has a text).
 * `npm run typecheck` compiles the engine on its own (src/engine/tsconfig.json), where `ErrorCode`
 * is this list alone: an engine code missing from it fails there.
 */
export type MessageParams = Record<string, string | number>;

/** The limits whose excess is an error of its own, `budget.<limit>` with its hint (checkBudget, src/engine/budget.ts). */
export type BudgetLimit = "elements" | "outputElements" | "work" | "bytes" | "pictureCells" | "layers" | "layerValue" | "fieldTaps" | "listedWindows" | "listedBins";

/** Every code (error or hint) the engine throws, by the module that throws it. */
export type EngineErrorCode =
  // shared: tensors, pairs, numbers, budgets, topic suggestions
  | "input.rank" | "pair.negative" | "pair.notPositive" | "number.bad" | "number.notPositiveInteger"
  | "output.notFinite" | "output.notFiniteHint"
  | `budget.${BudgetLimit}` | `budget.${BudgetLimit}Hint`
  | "quiz.topicUnknownHint" | "topic.didYouMean" | "topic.didYouMeanOneOf"
  // conv2d.ts
  | "conv.kernelRank" | "conv.kernelRankHint" | "conv.channelMismatch" | "conv.channelMismatchHint"
  | "conv.kernelTooLarge" | "conv.kernelTooLargeHint" | "conv.sameNeedsStride1" | "conv.sameNeedsStride1Hint"
  | "conv.biasCount" | "conv.biasSingle" | "conv.gradShape" | "conv.gradShapeHint"
  // pool2d.ts
  | "pool.windowTooLarge" | "pool.windowTooLargeHint" | "pool.paddingTooLarge" | "pool.paddingTooLargeHint"
  | "pool.gradShape" | "pool.gradShapeHint"
  // roi-pool.ts
  | "roi.noBox" | "roi.noBoxHint" | "roi.boxNotFinite" | "roi.boxReversed" | "roi.boxReversedHint"
  | "roi.boxOutside" | "roi.boxOutsideHint" | "roi.scaleBad" | "roi.scaleBadHint"
  | "roi.gradOneBox" | "roi.gradOneBoxHint" | "roi.gradShape" | "roi.gradShapeHint"
  // spp.ts
  | "spp.noLevels" | "spp.levelBad" | "spp.levelsHint" | "spp.levelTooLarge" | "spp.levelTooLargeHint"
  | "spp.shapeBad" | "spp.shapeHint" | "spp.tooManyBins"
  // receptive-field.ts, layer-cost.ts
  | "rf.empty" | "rf.tokenEmpty" | "rf.tokenBad" | "rf.tokenHint" | `rf.suffixNotFor.${"d" | "o" | "c" | "g"}` | "rf.suffixTwice"
  | "rf.fcSuffix" | "rf.fcNeedsInputSize" | "rf.fcNeedsInputSizeHint" | "rf.needsInputSize"
  | "rf.kernelZero" | "rf.strideZero" | "rf.dilationZero" | "rf.channelsZero" | "rf.groupsZero" | "rf.unitsZero"
  | "rf.groupsDivide" | "rf.groupsDivideHint" | "rf.outputPadding" | "rf.poolPadding" | "rf.poolPaddingHint"
  | "rf.tooSmall" | "rf.tooSmallHint" | "rf.tooSmallTconv" | "rf.unitOutside" | "rf.overflow"
  // gates.ts
  | "gate.unknown" | "gate.usageHint" | "gate.weightsCount" | "gate.weightsHint"
  | "gate.unitCount" | "gate.unitHint" | "gate.unitWrong" | "gate.unitWrongHint"
  // step.ts
  | "step.activationBad" | "step.lossBad" | "step.poolBad" | "step.poolTooLarge" | "step.poolTooLargeHint"
  | "step.lossNeedsTarget" | "step.lossNeedsTargetHint" | "step.targetAndGrad" | "step.targetAndGradHint"
  | "step.targetShape" | "step.targetShapeHint" | "step.gradShape" | "step.gradShapeHint"
  | "step.lrNotPositive" | "step.lrHint" | "step.lrNeedsGradient" | "step.lrNeedsGradientHint" | "step.updateNotFinite";

/**
 * The codes of every layer, one entry per layer. A layer above the engine adds its entry by
 * declaration merging: `declare module "../engine/errors.js" { interface ErrorCodes { io: IoErrorCode } }`.
 */
export interface ErrorCodes {
  engine: EngineErrorCode;
}

/** A code that some layer declares: an error's code or its hint's. */
export type ErrorCode = ErrorCodes[keyof ErrorCodes];

export class InputError extends Error {
  /** Option name without dashes (`kernel`), or undefined when no single argument is to blame. */
  readonly argument: string | undefined;
  readonly code: ErrorCode;
  readonly params: MessageParams;
  /** Code of an optional hint line. */
  readonly hintCode: ErrorCode | undefined;

  constructor(argument: string | undefined, code: ErrorCode, params: MessageParams = {}, hintCode?: ErrorCode) {
    super(`${argument ? `--${argument}: ` : ""}${code} ${JSON.stringify(params)}`);
    this.name = "InputError";
    this.argument = argument;
    this.code = code;
    this.params = params;
    this.hintCode = hintCode;
  }
}

/** Throws unless `condition` holds; keeps input checks one line each. */
export function check(
  condition: boolean,
  argument: string | undefined,
  code: ErrorCode,
  params: MessageParams = {},
  hintCode?: ErrorCode,
): asserts condition {
  if (!condition) throw new InputError(argument, code, params, hintCode);
}
