// Unit tests call renderers, the quiz core and the tutor directly, without a command run loading their message
// areas first, so every area (and every calculator's messages and drill) is loaded up front. The built
// command's own loading is covered end to end (each spawned command loads only what it names).
import { CALCULATOR_NAMES, loadCalculator } from "../src/calculators/index.js";
import { addMessages, loadMessages } from "../src/i18n/index.js";
import { loadDrills } from "../src/quiz/drills.js";

await loadMessages();
for (const name of CALCULATOR_NAMES) addMessages((await loadCalculator(name)).messages);
await loadDrills();
