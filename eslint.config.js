import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * The architecture (README, "Architecture"), lowest layer first. A directory of src/ may import
 * from the layers below its own, never from its own layer's other directories or from above:
 * the core never reaches a use case, an adapter or a door; use cases reach GitHub and the file
 * system only through the ports; adapters never call use cases; doors never call each other.
 */
export const layers = [
  ["findings", "schemas", "dora"],
  // Readers of text formats (HCL, YAML records, their safety limits), shared by the config, the ADR readers and discovery.
  ["text"],
  ["markdown", "config"],
  ["report", "incidents", "scorecard"],
  ["adr"],
  ["validate"],
  ["scaffold", "debt", "discovery", "llm", "org", "follow-up"],
  // The judgements of a change: its monthly cost, its fit for the company's stage and the security minimum.
  ["cost", "fit"],
  ["ports"],
  // Use cases and the two implementations of the ports sit side by side: neither knows the other.
  ["use-cases", "github", "local"],
  ["app", "action", "cli"],
];

/** The libraries only a door may use. */
const doorFrameworks = { app: ["probot", "probot/*"], action: ["@actions/*"], cli: ["commander"] };
const allFrameworks = Object.values(doorFrameworks).flat();

function layerRules() {
  return layers.flatMap((layer, index) =>
    layer.map((directory) => {
      const above = layers
        .slice(index)
        .flat()
        .filter((other) => other !== directory);
      const frameworks = allFrameworks.filter((name) => !(doorFrameworks[directory] ?? []).includes(name));
      return {
        files: [`src/${directory}/**/*.ts`],
        rules: {
          "no-restricted-imports": [
            "error",
            {
              patterns: [
                {
                  group: frameworks,
                  message: `src/${directory} may not use another door's framework: Probot, @actions/* and commander belong to src/app, src/action and src/cli.`,
                },
                ...(above.length > 0
                  ? [
                      {
                        group: above.map((other) => `**/${other}/*`),
                        message: `src/${directory} may import only from lower layers (eslint.config.js, "layers"): core <- ports <- (use-cases | github | local) <- app/action/cli.`,
                      },
                    ]
                  : []),
              ],
            },
          ],
        },
      };
    }),
  );
}

export default tseslint.config(
  { ignores: ["lib/**", "dist/**", "node_modules/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // Tests edit arbitrary JSON documents to build bad inputs.
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // A function a reader can hold in view: longer ones hide their steps (docs/architecture.md).
    files: ["src/**/*.ts"],
    rules: { "max-lines-per-function": ["error", { max: 100 }] },
  },
  {
    // The doors stay thin: what grows past a screen belongs in a use case or a module of its own.
    files: ["src/app/**/*.ts", "src/action/**/*.ts", "src/cli/**/*.ts"],
    rules: { "max-lines": ["error", { max: 120 }] },
  },
  {
    // The command's entry is CommonJS (bin/package.json): it starts sooner than an ES module.
    files: ["bin/**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  ...layerRules(),
);
