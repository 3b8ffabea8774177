/**
 * The one registration of calculator commands: a spec's option table becomes commander options (with
 * their help and defaults), its values for shell completion, and one action — read options → setup →
 * JSON or explain and render.
 */
// Types only: requiring commander again from this folder costs a module resolution at every start-up.
import type { Command, Option } from "commander";
import { isRepeated, kebab, type CalculatorSpec, type OptionRow, type ReadParam } from "../calculators/spec.js";
import type { ArgumentReader } from "../io/sources.js";
import { InputError } from "../engine/errors.js";
import { addMessages, type Translate } from "../i18n/index.js";
import * as htmlMessages from "../render/html-messages.js";
import { renderJson } from "../render/json.js";
import { withValues } from "./choices.js";
import { addCommonOptions, examplesHelp, runAction } from "./context.js";
import type { CliContext } from "../ui/context.js";

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function commanderOption(command: Command, key: string, row: OptionRow, t: Translate<string>): Option {
  const flag = `--${kebab(key)}`;
  const option = command.createOption(row.value === undefined ? flag : `${flag} ${row.value}`, t(row.help));
  if (row.value === undefined) {
    // A flag is true when given: `--no-bias` is the flag noBias, not commander's negation of a `bias` option.
    option.negate = false;
    return option;
  }
  if (row.default !== undefined) option.default(row.default);
  if (row.required === true) option.makeOptionMandatory();
  if (row.repeatable === true) option.argParser(collect);
  if (row.choices !== undefined) withValues(option, row.choices);
  return option;
}

/** Reads an option as its row says (commander has filled in the defaults): a file or standard input first where allowed, then the row's parser. */
function optionReader(spec: CalculatorSpec, options: Record<string, unknown>, reader: ArgumentReader): ReadParam<Record<string, unknown>> {
  return async (key) => {
    const row: OptionRow = spec.options[key];
    const value = options[key];
    const argument = kebab(key);
    if (row.value === undefined) return value === true;
    if (value === undefined) return undefined;
    if (isRepeated(row)) return (value as string[]).map((text) => row.parse(text, argument));
    return row.parse(row.source === true ? await reader.text(value as string, argument) : (value as string), argument);
  };
}

export function registerCalculator(program: Command, context: CliContext, spec: CalculatorSpec): void {
  // The spec's keys are checked against its own messages in its folder; here they are opaque.
  const t = context.t as Translate<string>;
  const command = program.command(spec.name).description(t(spec.help)).addHelpText("after", examplesHelp(t, spec.examples));
  if (spec.argument) {
    const { name, required, help, choices } = spec.argument;
    command.argument(required ? `<${name}>` : `[${name}]`, t(help));
    if (choices !== undefined) withValues(command.registeredArguments[command.registeredArguments.length - 1], choices);
  }
  for (const [key, row] of Object.entries<OptionRow>(spec.options)) command.addOption(commanderOption(command, key, row, t));
  // --html: a calculator with a typeset answer (its spec's `loadHtml`) prints it as a page instead of text.
  if (spec.loadHtml) {
    addMessages(htmlMessages);
    command.option("--html", t("html.help"));
  }
  addCommonOptions(command, t).action(function (this: Command) {
    const options = this.opts();
    const argument = spec.argument ? (this.processedArgs[0] as string | undefined) : undefined;
    return runAction(context, options, async (ui) => {
      if (options.html === true && ui.json) throw new InputError("html", "html.withJson", {}, "html.withJsonHint");
      const given = new Set(Object.keys(spec.options).filter((key) => options[key] !== undefined));
      spec.checkPresence?.(given, argument);
      const input = await spec.setup(optionReader(spec, options, ui.reader), argument);
      if (options.html === true && spec.loadHtml) {
        const { answerPage } = await import("../render/html-answer.js");
        const html = await spec.loadHtml();
        return { output: answerPage(html(spec.explain(input), { t: ui.t, lang: ui.lang }), ui.lang) };
      }
      if (ui.json) return { output: renderJson(spec.json(input)) };
      return { output: spec.render(spec.explain(input), ui) };
    });
  });
}
