/** Runs a `gate` case straight through the engine; returns the JSON-shaped result. */
export function gateCase(_argv: readonly string[]): Record<string, unknown> {
  throw new Error("the gate engine adapter is not written yet");
}
