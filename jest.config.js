/** Jest runs the TypeScript sources as ESM through SWC (no type checking here: `npm run lint` does that). */
export default {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  extensionsToTreatAsEsm: [".ts"],
  transform: {
    "^.+\\.ts$": [
      "@swc/jest",
      { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "es6" } },
    ],
  },
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testTimeout: 60000,
  // The end-to-end suites mostly wait on real processes and rate-limit pacing: run several at once.
  maxWorkers: 5,
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
};
