/** Runs a `spp` case straight through the engine; returns the JSON-shaped result. */
export function sppCase(_argv: readonly string[]): Record<string, unknown> {
  throw new Error("the spp engine adapter is not written yet");
}
