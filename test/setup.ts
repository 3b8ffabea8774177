// Unit tests call renderers and the quiz core directly, without a command run loading their message
// areas first, so every area is loaded up front. The built command's own loading is covered end to
// end (each spawned command loads only the areas it declares).
import { loadMessages } from "../src/i18n/index.js";

await loadMessages();
