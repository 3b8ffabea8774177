/**
 * A numeric problem's answer and worked solution, computed through its calculator's spec from the
 * problem's typed values (no argv text, no commander). The checker reads answers only from here: it
 * never computes them itself. A problem's `command` runs the same spec, and a test checks that both agree.
 */
import { isCalculatorName, loadCalculator } from "../calculators/index.js";
import { isRepeated, kebab, type CalculatorSpec, type GivenValue, type OptionRow, type ReadParam } from "../calculators/spec.js";
import { addMessages, translator, type Lang } from "../i18n/index.js";
import { loadPalette } from "../render/colour.js";
import type { HtmlAnswer } from "../render/html-answer.js";
import * as htmlMessages from "../render/html-messages.js";
import { jsonText } from "../render/json.js";
import { ProblemRandom } from "../drill/random.js";
import { findGenerator } from "./drills.js";
import type { Problem } from "./types.js";

interface CalculatorCall {
  spec: CalculatorSpec;
  argument: string | undefined;
  input: unknown;
}

/** Reads a parameter from a problem's typed values: the given value through its row, else the row's default. */
function givenReader(spec: CalculatorSpec, given: Readonly<Record<string, GivenValue>>): ReadParam<Record<string, unknown>> {
  return async (key) => {
    const row: OptionRow = spec.options[key];
    const value = given[key];
    // A problem gives no flags (a flag's option is absent, so false).
    if (row.value === undefined) return false;
    if (value !== undefined) return row.fromGiven ? row.fromGiven(value) : value;
    if (row.default !== undefined && !isRepeated(row)) return row.parse(row.default, kebab(key));
    return undefined;
  };
}

/** The calculator (and its positional word, `gate xor`) that the problem's command names, set up with the problem's values. */
async function callOf(problem: Problem): Promise<CalculatorCall> {
  const [, name, ...words] = problem.command ?? [];
  if (name === undefined || !isCalculatorName(name)) throw new Error(`problem ${problem.id} names no calculator`);
  const spec = await loadCalculator(name);
  const argument = spec.argument && words.length > 0 && !words[0].startsWith("--") ? words[0] : undefined;
  const given = problem.given ?? {};
  const unknown = Object.keys(given).filter((key) => !(key in spec.options));
  if (unknown.length > 0) throw new Error(`problem ${problem.id} gives ${unknown.join(", ")}, which ${name} does not take`);
  spec.checkPresence?.(new Set(Object.keys(given)), argument);
  return { spec, argument, input: await spec.setup(givenReader(spec, given), argument) };
}

/** The calculator's whole JSON for a numeric problem, exactly as `--json` prints it. */
export async function calculatorJson(problem: Problem): Promise<Record<string, unknown>> {
  const { spec, input } = await callOf(problem);
  return JSON.parse(jsonText(spec.json(input))) as Record<string, unknown>;
}

/** The right answer of a numeric problem: the calculator's JSON value under `ask`. */
export async function calculatorAnswer(problem: Problem): Promise<unknown> {
  const json = await calculatorJson(problem);
  if (problem.ask === undefined || !(problem.ask in json)) throw new Error(`calculator output of ${problem.id} has no key "${problem.ask}"`);
  return json[problem.ask];
}

/** The opening line a topic's generator gives its solution (the asked quantity and its formula), if any. */
async function solutionLead(problem: Problem, lang: Lang): Promise<string | undefined> {
  const generator = findGenerator(problem.topic);
  if (generator === undefined) return undefined;
  const spec = generator.generate(new ProblemRandom(problem.topic, problem.seed));
  // Only for the problem the id gives (a problem built by hand has no lead).
  if (spec.solutionLead === undefined || JSON.stringify(spec.given) !== JSON.stringify(problem.given ?? {})) return undefined;
  const answer = JSON.stringify(await calculatorAnswer(problem));
  const t = translator<string>(lang);
  return spec.solutionLead.map((part) => t(part.key, { ...part.params, answer })).join(" ");
}

/** The worked solution: the calculator's human output in `lang`, as its command prints it, after the topic's opening line if it has one. */
export async function workedSolution(problem: Problem, lang: Lang, { colour = false }: { colour?: boolean } = {}): Promise<string> {
  const { spec, input } = await callOf(problem);
  addMessages(spec.messages);
  const palette = await loadPalette(colour);
  const body = spec.render(spec.explain(input), { t: translator(lang), palette });
  const lead = await solutionLead(problem, lang);
  return lead === undefined ? body : `${palette.heading(lead)}\n\n${body}`;
}

/** The worked solution typeset (the exam's HTML answer key): the calculator's `html` answer in `lang`, if it has one. */
export async function workedHtml(problem: Problem, lang: Lang): Promise<HtmlAnswer | undefined> {
  const { spec, input } = await callOf(problem);
  if (spec.loadHtml === undefined) return undefined;
  addMessages(spec.messages);
  addMessages(htmlMessages);
  const html = await spec.loadHtml();
  return html(spec.explain(input), { t: translator(lang), lang });
}
