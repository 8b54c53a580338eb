import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const CONFIG = join(ROOT, ".dependency-cruiser.cjs");
const DEPCRUISE = join(ROOT, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
/** A miniature tree in which each file breaks one rule (named in its first line). */
const FIXTURE = join(ROOT, "test", "fixtures", "layers");

interface Violation {
  readonly from: string;
  readonly to: string;
  readonly rule: { readonly name: string };
}

/** The violations dependency-cruiser finds in `paths`, cruised from `cwd` (rules match paths relative to it). */
function violationsIn(cwd: string, paths: readonly string[]): Violation[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [DEPCRUISE, "--config", CONFIG, "--output-type", "json", ...paths], {
      cwd,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    // depcruise exits non-zero when it finds errors; the JSON report is still on stdout.
    out = (e as { stdout?: string }).stdout ?? "";
    if (!out) throw e;
  }
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

const describeLine = (v: Violation) => `${v.rule.name}: ${v.from} → ${v.to}`;

let fixtureViolations: Violation[] | undefined;
const violationsInFixture = () => (fixtureViolations ??= violationsIn(FIXTURE, ["environments", "planning", "modules", "stacks", "scripts", "test"]));

describe("layer boundaries", () => {
  it("are cruised over the whole product by npm run lint, which .ci/run runs before the tests", () => {
    const scripts = (require(join(ROOT, "package.json")) as { scripts: Record<string, string> }).scripts;
    // The product's own cruise is lint's (run once per CI run), not repeated here.
    expect(scripts.lint).toMatch(/npm run --silent lint:deps/);
    const paths = scripts["lint:deps"].split(" ").slice(scripts["lint:deps"].split(" ").indexOf(".dependency-cruiser.cjs") + 1);
    expect(paths.sort()).toEqual(["bench", "environments", "main.ts", "modules", "planning", "scripts", "stacks"]);
    expect(readFileSync(join(ROOT, ".ci", "run"), "utf8")).toMatch(/\nnpm run --silent lint\n/);
  });

  it("trips every rule on a tree that breaks each once", () => {
    const violations = violationsInFixture();
    expect(new Set(violations.map((v) => v.rule.name))).toEqual(
      new Set([
        "environments-only-validation-uses-planning",
        "environments-no-routing-plan",
        "environments-not-upward",
        "planning-not-upward",
        "planning-reads-only-the-schema",
        "modules-not-upward",
        "modules-own-prop-types",
        "stacks-not-upward",
        "product-not-tests",
        "no-circular",
      ]),
    );
    expect(violations.map(describeLine)).toContain("modules-own-prop-types: modules/network/transit-hub.ts → environments/network-rules.ts");
    expect(violations.map(describeLine)).toContain("environments-not-upward: environments/eks-rules.ts → modules/eks/max-pods.ts");
  }, 60_000);

  it("lets the schema use planning's vocabulary and lets test code import anything", () => {
    const lines = violationsInFixture().map(describeLine);
    expect(lines.filter((l) => l.includes("environments/schema.ts →"))).toEqual([]);
    expect(lines.filter((l) => l.startsWith("product-not-tests") && !l.includes("scripts/plan.ts"))).toEqual([]);
  }, 60_000);
});
