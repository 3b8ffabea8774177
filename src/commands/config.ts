/**
 * `cnn-drill config set|get|unset|list`: settings kept between commands (the exam date), in
 * `<home>/config.json` (`$CNN_DRILL_HOME`, else the platform's config folder), written atomically.
 * `get` of an unset key prints nothing and exits 1, so scripts can test for it.
 */
import type { Command } from "commander";
import { renderJson } from "../render/json.js";
import { addCommonOptions, runAction, examplesHelp } from "./context.js";
import type { CliContext, CommonOptions } from "../ui/context.js";

/** The settings module and its warnings, loaded only when a config command runs (help stays light). */
async function settings() {
  const [{ CONFIG_KEY_NAMES, parseConfigKey }, { openConfig }] = await Promise.all([import("../practice/config.js"), import("./exam-date.js")]);
  return { CONFIG_KEY_NAMES, parseConfigKey, openConfig };
}

export function registerConfig(program: Command, context: CliContext): void {
  const { t } = context;
  const configCommand = program.command("config").description(t("config.help")).addHelpText("after", examplesHelp(t, "config.help.examples"));

  const set = configCommand.command("set").description(t("config.set.help")).argument("<key>", t("config.help.key")).argument("<value>", t("config.help.value"));
  addCommonOptions(set, t, { json: false }).action((keyText: string, valueText: string, options: CommonOptions) =>
    runAction(context, options, async (ui) => {
      const { parseConfigKey, openConfig } = await settings();
      const key = parseConfigKey(keyText);
      const value = openConfig(ui).set(key, valueText);
      return { output: `${ui.t("config.setDone", { key, value })}\n` };
    }),
  );

  const get = configCommand.command("get").description(t("config.get.help")).argument("<key>", t("config.help.key"));
  addCommonOptions(get, t, { json: false }).action((keyText: string, options: CommonOptions) =>
    runAction(context, options, async (ui) => {
      const { parseConfigKey, openConfig } = await settings();
      const value = openConfig(ui).get(parseConfigKey(keyText));
      return value === undefined ? { output: "", exitCode: 1 } : { output: `${value}\n` };
    }),
  );

  const unset = configCommand.command("unset").description(t("config.unset.help")).argument("<key>", t("config.help.key"));
  addCommonOptions(unset, t, { json: false }).action((keyText: string, options: CommonOptions) =>
    runAction(context, options, async (ui) => {
      const { parseConfigKey, openConfig } = await settings();
      const key = parseConfigKey(keyText);
      const removed = openConfig(ui).unset(key);
      return { output: `${ui.t(removed ? "config.unsetDone" : "config.unsetNone", { key })}\n` };
    }),
  );

  const list = configCommand.command("list").description(t("config.list.help"));
  addCommonOptions(list, t).action((options: CommonOptions) =>
    runAction(context, options, async (ui) => {
      const { CONFIG_KEY_NAMES, openConfig } = await settings();
      const config = openConfig(ui);
      const values = config.list();
      const entries = CONFIG_KEY_NAMES.flatMap((key) => (values[key] === undefined ? [] : [{ key, value: values[key] }]));
      if (ui.json) return { output: renderJson({ file: config.file, settings: entries }) };
      const lines = entries.length === 0 ? [ui.t("config.listEmpty")] : entries.map(({ key, value }) => `${key} = ${value}`);
      lines.push(ui.palette.dim(ui.t("config.file", { file: config.file })));
      return { output: `${lines.join("\n")}\n` };
    }),
  );
}
