/**
 * `cnn-drill config set|get|unset|list`: settings kept between commands (the exam date), in
 * `<home>/config.json` (`$CNN_DRILL_HOME`, else the platform's config folder), written atomically.
 * `get` of an unset key prints nothing and exits 1, so scripts can test for it.
 */
import type { Command } from "commander";
import { CONFIG_KEY_NAMES, parseConfigKey } from "../practice/config.js";
import { renderJson } from "../render/json.js";
import { addCommonOptions, runAction, examplesHelp } from "./context.js";
import { openConfig } from "./exam-date.js";
import type { CliContext, CommonOptions } from "../ui/context.js";

export function registerConfig(program: Command, context: CliContext): void {
  const { t } = context;
  const keys = CONFIG_KEY_NAMES.join(", ");
  const config = program.command("config").description(t("config.help")).addHelpText("after", examplesHelp(t, "config.help.examples"));

  const set = config.command("set").description(t("config.set.help")).argument("<key>", t("config.help.key", { keys })).argument("<value>", t("config.help.value"));
  addCommonOptions(set, t, { json: false }).action((keyText: string, valueText: string, options: CommonOptions) =>
    runAction(context, options, (ui) => {
      const key = parseConfigKey(keyText);
      const value = openConfig(ui).set(key, valueText);
      return { output: `${ui.t("config.setDone", { key, value })}\n` };
    }),
  );

  const get = config.command("get").description(t("config.get.help")).argument("<key>", t("config.help.key", { keys }));
  addCommonOptions(get, t, { json: false }).action((keyText: string, options: CommonOptions) =>
    runAction(context, options, (ui) => {
      const value = openConfig(ui).get(parseConfigKey(keyText));
      return value === undefined ? { output: "", exitCode: 1 } : { output: `${value}\n` };
    }),
  );

  const unset = config.command("unset").description(t("config.unset.help")).argument("<key>", t("config.help.key", { keys }));
  addCommonOptions(unset, t, { json: false }).action((keyText: string, options: CommonOptions) =>
    runAction(context, options, (ui) => {
      const key = parseConfigKey(keyText);
      const removed = openConfig(ui).unset(key);
      return { output: `${ui.t(removed ? "config.unsetDone" : "config.unsetNone", { key })}\n` };
    }),
  );

  const list = config.command("list").description(t("config.list.help"));
  addCommonOptions(list, t).action((options: CommonOptions) =>
    runAction(context, options, (ui) => {
      const settings = openConfig(ui);
      const values = settings.list();
      const entries = CONFIG_KEY_NAMES.flatMap((key) => (values[key] === undefined ? [] : [{ key, value: values[key] }]));
      if (ui.json) return { output: renderJson({ file: settings.file, settings: entries }) };
      const lines = entries.length === 0 ? [ui.t("config.listEmpty")] : entries.map(({ key, value }) => `${key} = ${value}`);
      lines.push(ui.palette.dim(ui.t("config.file", { file: settings.file })));
      return { output: `${lines.join("\n")}\n` };
    }),
  );
}
