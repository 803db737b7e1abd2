import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

// The core never imports an adapter's framework (DESIGN.md, "Architecture"): this rule is the guard.
const adapterFrameworks = {
  patterns: [
    { group: ["probot", "probot/*", "@actions/*", "commander"], message: "Core modules stay free of adapter frameworks; move this to src/app, src/action or src/cli." },
    { group: ["**/app/*", "**/action/*", "**/cli/*"], message: "Core modules never import an adapter." },
  ],
};

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
    files: ["src/{schemas,validate,markdown,adr,dora,debt,incidents,scorecard,llm,config,report,scaffold}/**/*.ts"],
    rules: { "no-restricted-imports": ["error", adapterFrameworks] },
  },
);
