/**
 * Layers of the product, lowest first; a file imports only from its own layer or lower ones:
 *
 *   environments/  config data, schema, validation and the loader
 *   planning/      the resolved model and what it is computed with: address and routing plans,
 *                  shared vocabulary, reserved names, partitions, AWS fact tables
 *   modules/       constructs, each with its own prop types (never the config schema's)
 *   stacks/        compose modules, map the model onto their props
 *   scripts/, main.ts, bench/   commands
 *
 * One exception, on purpose: validation must reject what the plan could not build, so the schema,
 * the rule files and the loader of environments/ use planning's fact tables, arithmetic,
 * vocabulary and model types (never the routing plan, which is computed from a valid model).
 * Everything else in environments/ (the example org, problem formatting, helpers) stays plain.
 */
const LAYERS_ABOVE = {
  // planning/ is left out here: the two rules on environments/ → planning/ below say what may.
  environments: "^(modules|stacks|scripts|bench)/|^main\\.ts$",
  planning: "^(modules|stacks|scripts|bench)/|^main\\.ts$",
  modules: "^(stacks|scripts|bench)/|^main\\.ts$",
  stacks: "^(scripts|bench)/|^main\\.ts$",
};

/** Files of environments/ that may use planning/ (see above). */
const VALIDATION_AND_LOADING = "^environments/(schema|validate|rules|[a-z-]+-rules|load|org-setting)\\.ts$";

module.exports = {
  forbidden: [
    {
      name: "environments-only-validation-uses-planning",
      comment:
        "Only the schema, the rule files and the loader of environments/ may use planning/; move the code that needs the plan into one of them, or into planning/.",
      severity: "error",
      from: { path: "^environments/", pathNot: VALIDATION_AND_LOADING },
      to: { path: "^planning/" },
    },
    {
      name: "environments-no-routing-plan",
      comment: "The routing plan is computed from a valid model; validation cannot depend on it.",
      severity: "error",
      from: { path: "^environments/" },
      to: { path: "^planning/routing-plan\\.ts$" },
    },
    {
      name: "environments-not-upward",
      comment: "environments/ holds config data, schema and validation: it may not import constructs, stacks or commands. Move shared tables into planning/.",
      severity: "error",
      from: { path: "^environments/" },
      to: { path: LAYERS_ABOVE.environments },
    },
    {
      name: "planning-not-upward",
      comment: "planning/ computes the model; it may not import constructs, stacks or commands.",
      severity: "error",
      from: { path: "^planning/" },
      to: { path: LAYERS_ABOVE.planning },
    },
    {
      name: "planning-reads-only-the-schema",
      comment: "planning/ may use the config's types and vocabulary (environments/schema.ts), never its validation or loading.",
      severity: "error",
      from: { path: "^planning/" },
      to: { path: "^environments/", pathNot: "^environments/schema\\.ts$" },
    },
    {
      name: "modules-not-upward",
      comment: "A construct may not import stacks or commands.",
      severity: "error",
      from: { path: "^modules/" },
      to: { path: LAYERS_ABOVE.modules },
    },
    {
      name: "modules-own-prop-types",
      comment:
        "A construct takes its own prop types, not the config schema's: declare an interface in the module and let the stack map config onto it. Shared vocabulary lives in planning/.",
      severity: "error",
      from: { path: "^modules/" },
      to: { path: "^environments/" },
    },
    {
      name: "stacks-not-upward",
      comment: "A stack may not import commands.",
      severity: "error",
      from: { path: "^stacks/" },
      to: { path: LAYERS_ABOVE.stacks },
    },
    {
      name: "product-not-tests",
      comment:
        "Product code may not import test code. One exception: the docs generator reads the emulator gap list the e2e harness declares (test/e2e/moto-gaps.ts), so the published table is the list the tests enforce.",
      severity: "error",
      from: { path: "^(environments|planning|modules|stacks|scripts|bench)/|^main\\.ts$" },
      to: { path: "^test/", pathNot: "^test/e2e/moto-gaps\\.ts$" },
    },
    {
      name: "no-circular",
      comment:
        "An import cycle hides which layer owns the code; break it by moving the shared part down. Cycles through `import type` alone vanish at runtime and are allowed.",
      severity: "error",
      from: { path: "^(environments|planning|modules|stacks|scripts|bench)/|^main\\.ts$" },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|dist|cdktf\\.out)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
