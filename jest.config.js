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
  testSequencer: "<rootDir>/test/support/sequencer.js",
  testTimeout: 30000,
  // Jest's default on 2 cores is one worker. The moto end-to-end files spend most of their time
  // waiting on terraform and moto (each file runs its own moto_server), so two run side by side.
  maxWorkers: 2,
};
