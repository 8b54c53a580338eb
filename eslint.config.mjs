// typescript-eslint's recommended rules without type information, so a lint of the whole repo stays
// a few seconds. Layer boundaries are dependency-cruiser's job (.dependency-cruiser.cjs), layout prettier's.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "cdktf.out/", "cdktf.out.*/", "node_modules/", ".bootstrap-state/", "coverage/", ".gen/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    rules: {
      // tsc's noUnusedLocals/noUnusedParameters already fail the build; `_`-prefixed names are deliberate.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // Some modules are loaded on first use (yaml, minimatch, the ESM-only Kubernetes models) to keep
      // synth start-up short; `require(...) as typeof import(...)` keeps them typed.
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // Tests poke into synthesized Terraform JSON and hand-written config of any shape.
    files: ["test/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // CommonJS configuration and jest support files.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { module: "writable", require: "readonly", __dirname: "readonly", process: "readonly", console: "readonly" },
    },
  },
);
