/** The real prompts (@inquirer/prompts), loaded only when an interactive command runs. */
import { messageOrText, type Translate } from "../i18n/index.js";
import type { SessionPrompts } from "./session.js";

export interface TopicMenuChoice {
  value: string;
  name: string;
  /** Area heading shown above the area's first topic. */
  area: string;
}

export interface InteractivePrompts extends SessionPrompts {
  /** A checkbox menu of topics; at least one must be picked. */
  topicMenu(options: { message: string; instructions: string; required: string; choices: TopicMenuChoice[] }): Promise<string[]>;
}

/** inquirer's key hints (`↑↓ navigate • ⏎ select`) in the session's language. */
function keysHelpTip(t: Translate): (keys: [string, string][]) => string {
  // inquirer names its actions at run time: one without a message shows its key, as before.
  return (keys) => keys.map(([key, action]) => `${key} ${messageOrText(t, `practice.keys.${action}`, `practice.keys.${action}`)}`).join(" • ");
}

export async function inquirerPrompts(t: Translate): Promise<InteractivePrompts> {
  const { checkbox, input, select, Separator } = await import("@inquirer/prompts");
  const theme = { style: { keysHelpTip: keysHelpTip(t) } };
  return {
    input: ({ message, validate }) => input({ message, validate }),
    // Enter goes on; whatever was typed before it is ignored.
    pause: async ({ message }) => { await input({ message, theme: { prefix: "" } }); },
    select: ({ message, choices }) => select({ message, choices, loop: false, pageSize: Math.max(7, choices.length), theme }),
    topicMenu: ({ message, instructions, required, choices }) => {
      const items: (InstanceType<typeof Separator> | { value: string; name: string })[] = [];
      let area = "";
      for (const choice of choices) {
        if (choice.area !== area) {
          area = choice.area;
          items.push(new Separator(`── ${area}`));
        }
        items.push({ value: choice.value, name: choice.name });
      }
      return checkbox<string>({
        message,
        instructions,
        choices: items,
        loop: false,
        pageSize: 16,
        validate: (picked) => (picked.length > 0 ? true : required),
      });
    },
  };
}
