/** Assertions for the engine's typed input errors. */
import { expect } from "vitest";
import { InputError, type ErrorCode } from "../../src/engine/errors.js";

/** Runs `run`, expecting it to throw an InputError, and returns that error for closer checks. */
export function inputErrorOf(run: () => unknown): InputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError, but nothing was thrown");
}

/** Expects `run` to throw an InputError naming `argument` with the message code `code`. */
export function expectInputError(run: () => unknown, argument: string | undefined, code: ErrorCode): void {
  const error = inputErrorOf(run);
  expect(error.argument).toBe(argument);
  expect(error.code).toBe(code);
}
