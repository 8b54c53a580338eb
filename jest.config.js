/** ES-module-only packages the product loads (modules/kubernetes/models.ts) and their ES-only dependencies. */
const ESM_ONLY_PACKAGE_NAMES = "(kubernetes-models|@kubernetes-models/[^/]+|is-cidr|cidr-regex)";
const ESM_ONLY_PACKAGES = `node_modules/${ESM_ONLY_PACKAGE_NAMES}/`;

/** Unit tests synthesize in-process; ts-jest only transpiles (`npm run build` type-checks). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { diagnostics: false }],
    // The Kubernetes model packages (and two of their dependencies) ship ES modules only: transpile them to CommonJS.
    [`${ESM_ONLY_PACKAGES}.+\\.js$`]: [
      "ts-jest",
      { diagnostics: false, tsconfig: { allowJs: true, isolatedModules: true, module: "commonjs", target: "ES2022", esModuleInterop: true } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!${ESM_ONLY_PACKAGE_NAMES}/)`],
  resolver: "<rootDir>/test/support/esm-exports-resolver.js",
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  globalSetup: "<rootDir>/test/support/run-scratch-setup.js",
  globalTeardown: "<rootDir>/test/support/run-scratch-teardown.js",
  testSequencer: "<rootDir>/test/support/sequencer.js",
  // Generous: in the full run four workers share two cores, and a unit test that synthesizes the
  // whole org can take several times its unloaded seconds there.
  testTimeout: 120_000,
  // Jest's default on 2 cores is one worker. A moto end-to-end file spends part of its time waiting
  // (on the provider's polls and moto), so in the full run (`npm test`, which passes --maxWorkers=4)
  // four files share the two cores; the unit files alone gain nothing from more than two.
  maxWorkers: 2,
};
