/**
 * The dependency rule, checked in `npm test` (docs/ARCHITECTURE.md): no import cycles, and every
 * layer imports only the layers below it — counting `import type` and `await import("…")`.
 *
 * Layers, bottom up:
 *   engine → io, i18n → render (the drawing kit), drill (the kit of quiz topics) → calculators → quiz → tutor → ui → practice → views → commands → cli.ts
 * Inside a calculator's folder, explain.ts (the worked answer as data) imports only the engine, and
 * no calculator imports another (shared drawing goes in the render kit).
 * (ui, the shared CLI types and the error reporter, sits below practice and commands; index.ts is
 * the library entry and exports the engine only.)
 */
const LAYERS = [
  // [layer, path under src/, layers it may import besides itself]
  ["engine", "engine/", []],
  ["io", "io/", ["engine"]],
  ["i18n", "i18n/", ["engine"]],
  ["render", "render/", ["engine", "i18n"]],
  // What a calculator's quiz topics are written with (seeded streams, problem and hint types, given readers): pure.
  ["drill", "drill/", ["engine", "i18n"]],
  ["calculators", "calculators/", ["engine", "io", "i18n", "render", "drill"]],
  ["quiz", "quiz/", ["engine", "io", "i18n", "render", "drill", "calculators"]],
  // The tutor (common mistakes, staged hints): pure, on the engine, the drills and the quiz's problems.
  ["tutor", "tutor/", ["engine", "i18n", "drill", "quiz"]],
  ["ui", "ui/", ["engine", "io", "i18n", "render"]],
  ["practice", "practice/", ["engine", "io", "i18n", "quiz", "tutor", "ui"]],
  ["views", "views/", ["engine", "i18n", "render", "quiz", "tutor", "practice"]],
  ["commands", "commands/", ["engine", "io", "i18n", "render", "calculators", "quiz", "tutor", "ui", "practice", "views", "version"]],
  ["library", "index\\.ts$", ["engine", "io"]],
];

const FOLDER = { version: "version\\.ts$" };
const pathOf = (layer) => `^src/${FOLDER[layer] ?? `${layer}/`}`;

module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      comment: "An import cycle (type-only and dynamic imports count): move the shared part down a layer.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "engine-is-pure",
      comment: "The engine is a pure library: no Node APIs, no packages.",
      severity: "error",
      from: { path: "^src/engine/" },
      to: { pathNot: "^src/engine/" },
    },
    ...LAYERS.map(([layer, path, allowed]) => ({
      name: `${layer}-imports-only-below`,
      comment: `${layer} may import only ${allowed.length > 0 ? allowed.join(", ") : "itself"} inside src/ (see docs/ARCHITECTURE.md).`,
      severity: "error",
      from: { path: `^src/${path}` },
      to: { path: "^src/", pathNot: [`^src/${path}`, ...allowed.map(pathOf)] },
    })),
    {
      name: "explain-is-data",
      comment: "A calculator's explain.ts builds the worked answer as data from the engine alone: no text, no drawing.",
      severity: "error",
      from: { path: "^src/calculators/[^/]+/explain\\.ts$" },
      // Another calculator's explanation is data too (the training step explains its conv and pool stages with theirs).
      to: { path: "^src/", pathNot: ["^src/engine/", "^src/calculators/[^/]+/explain\\.ts$"] },
    },
    {
      name: "calculators-stand-alone",
      comment: "A calculator's folder imports no other calculator's folder (shared parts go down to the engine or the render kit).",
      severity: "error",
      from: { path: "^src/calculators/([^/]+)/", pathNot: "^src/calculators/step/" },
      to: { path: "^src/calculators/[^/]+/", pathNot: "^src/calculators/$1/" },
    },
    {
      name: "step-composes-conv-and-pool",
      comment: "The training step is conv then pooling: it shows their stages with their explanations, renderers and messages, and imports no other calculator.",
      severity: "error",
      from: { path: "^src/calculators/step/" },
      to: { path: "^src/calculators/[^/]+/", pathNot: "^src/calculators/(step|conv|pool)/" },
    },
    {
      name: "nothing-imports-the-entry",
      comment: "src/cli.ts is the top: commands get what they need from their context.",
      severity: "error",
      from: { pathNot: "^src/cli\\.ts$" },
      to: { path: "^src/cli\\.ts$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "\\.d\\.ts$" },
  },
};
