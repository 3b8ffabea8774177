/** Runs a `roi` case straight through the engine; returns the JSON-shaped result. */
export function roiCase(_argv: readonly string[]): Record<string, unknown> {
  throw new Error("the roi engine adapter is not written yet");
}
