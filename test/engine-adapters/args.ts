/** Reads a torch case's argv (after the command name) into option → values, for calling the engine directly. */
export interface CaseArgs {
  positional: string[];
  options: Map<string, string[]>;
}

export function readArgs(args: readonly string[]): CaseArgs {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith("--")) {
      const value = args[i + 1];
      i++;
      options.set(arg.slice(2), [...(options.get(arg.slice(2)) ?? []), value]);
    } else {
      positional.push(arg);
    }
  }
  return { positional, options };
}

export function option(args: CaseArgs, name: string): string | undefined {
  return args.options.get(name)?.[0];
}
