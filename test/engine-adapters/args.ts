/** Reads a torch case's argv (after the command name) into option → values, for calling the engine directly. */
export interface CaseArgs {
  positional: string[];
  options: Map<string, string[]>;
}

/** Options that take no value (`--ceil --grad G` must not read `--grad` as the value of --ceil). */
const FLAGS = new Set(["ceil", "exclude-pad", "json", "no-color"]);

export function readArgs(args: readonly string[]): CaseArgs {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith("--")) {
      const name = arg.slice(2);
      const value = FLAGS.has(name) ? "" : args[++i];
      options.set(name, [...(options.get(name) ?? []), value]);
    } else {
      positional.push(arg);
    }
  }
  return { positional, options };
}

export function option(args: CaseArgs, name: string): string | undefined {
  return args.options.get(name)?.[0];
}
