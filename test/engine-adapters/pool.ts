/** Runs a `pool` case straight through the engine; returns the JSON-shaped result. */
export function poolCase(_argv: readonly string[]): Record<string, unknown> {
  throw new Error("the pool engine adapter is not written yet");
}
