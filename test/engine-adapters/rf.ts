/** Runs a `rf` case straight through the engine; returns the JSON-shaped result. */
export function rfCase(_argv: readonly string[]): Record<string, unknown> {
  throw new Error("the rf engine adapter is not written yet");
}
