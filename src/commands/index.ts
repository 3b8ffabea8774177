/** Every command, in the order `--help` lists them. Each file registers one command. */
import type { Command } from "commander";
import type { CliContext } from "./context.js";
import { registerConv } from "./conv.js";

export const commandRegistrars: ((program: Command, context: CliContext) => void)[] = [registerConv];
