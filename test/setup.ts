// Unit tests call renderers and the quiz core directly, without a command run loading their message
// areas first, so every area (and every calculator's messages) is loaded up front. The built
// command's own loading is covered end to end (each spawned command loads only what it names).
import { CALCULATOR_NAMES, loadCalculator } from "../src/calculators/index.js";
import { addMessages, loadMessages } from "../src/i18n/index.js";

await loadMessages();
for (const name of CALCULATOR_NAMES) addMessages((await loadCalculator(name)).messages);
