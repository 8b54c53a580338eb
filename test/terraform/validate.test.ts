import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { loadOrg } from "../../environments/load";
import { synthesizeOrg } from "../../stacks/synthesize";
import { readSynthesized } from "../support/synthesized";
import { writeCliConfig } from "../support/terraform";
import { describeWithTooling, mirrorHasProvider } from "../support/tooling";

const workDir = mkdtempSync(join(tmpdir(), "orgplat-validate-"));
const outdir = join(workDir, "cdktf.out");
synthesizeOrg(loadOrg(), {}, outdir);
const stacks = readSynthesized(outdir);
const validatable = stacks.filter((s) => s.providers.every((p) => mirrorHasProvider(p)));
const notInMirror = stacks.filter((s) => !validatable.includes(s));

/**
 * A stack with one unsupported argument, validated in the same run: it must come back with that
 * error and no other stack with it, or the attribution below could hide a real stack's error.
 */
const CANARY = { name: "canary-invalid", dir: join(workDir, "canary-invalid") };
mkdirSync(CANARY.dir);
writeFileSync(
  join(CANARY.dir, "cdk.tf.json"),
  JSON.stringify({
    terraform: { required_providers: { aws: validatable[0]?.json.terraform?.required_providers?.aws } },
    provider: { aws: [{ region: "us-east-1" }] },
    resource: { aws_sqs_queue: { canary: { name: "canary", retention_days: 4 } } },
  }),
);
const checked = [...validatable, CANARY];

/** One diagnostic of `terraform validate -json`. */
interface Diagnostic {
  readonly severity: "error" | "warning";
  readonly summary: string;
  readonly detail?: string;
  readonly range?: { readonly filename: string; readonly start: { readonly line: number } };
}

/**
 * Terraform starts every provider block of a run's modules at once (the example org has ~60): in
 * three runs that is ~20 processes, a couple of GB, beside the other test files, at the price of
 * one schema load per run.
 */
const RUNS = 3;

/**
 * Validates the stacks in a few terraform runs instead of one per stack: a root module calls each
 * stack's directory as a child module. Terraform validates a child module's resources, data
 * sources, provider blocks and expressions exactly as a root's, and it loads the AWS provider's
 * schema once per run instead of once per stack (that load is most of a `validate`'s CPU). The one
 * difference, a backend block that a child module ignores, is what `validate` never checks anyway
 * (`init` reads the backend). Each error is attributed to its stack by the file it names.
 */
function validateAll(cliConfig: string): { readonly byStack: Map<string, Diagnostic[]>; readonly unattributed: Diagnostic[]; readonly exits: number[] } {
  const byStack = new Map(checked.map((s) => [s.name, [] as Diagnostic[]]));
  const unattributed: Diagnostic[] = [];
  const exits: number[] = [];
  const env = { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" };
  const perRun = Math.ceil(checked.length / RUNS);
  for (let first = 0; first < checked.length; first += perRun) {
    const batch = checked.slice(first, first + perRun);
    const root = join(workDir, `validate-${first / perRun}`);
    mkdirSync(root);
    const modules = Object.fromEntries(batch.map((s) => [s.name, { source: relative(root, s.dir) }]));
    writeFileSync(join(root, "main.tf.json"), JSON.stringify({ module: modules }, null, 2));
    const init = spawnSync("terraform", ["init", "-backend=false", "-input=false", "-no-color"], { cwd: root, env, encoding: "utf8" });
    if (init.status !== 0) throw new Error(`terraform init of ${root} failed:\n${init.stderr || init.stdout}`);
    const run = spawnSync("terraform", ["validate", "-json", "-no-color"], { cwd: root, env, encoding: "utf8", timeout: 600_000, maxBuffer: 64 << 20 });
    exits.push(run.status ?? -1);
    const report = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
    for (const error of report.diagnostics.filter((d) => d.severity === "error")) {
      const stack = batch.find((s) => error.range && join(root, error.range.filename).startsWith(`${s.dir}/`));
      if (stack) byStack.get(stack.name)!.push(error);
      else unattributed.push(error);
    }
  }
  return { byStack, unattributed, exits };
}

const describeError = (d: Diagnostic): string =>
  `${d.range ? `${d.range.filename}:${d.range.start.line}: ` : ""}${d.summary}${d.detail ? `: ${d.detail}` : ""}`;

describeWithTooling({ moto: false })("terraform validate on every synthesized stack", () => {
  let result: ReturnType<typeof validateAll>;

  beforeAll(() => {
    result = validateAll(writeCliConfig(workDir));
    if (notInMirror.length) {
      console.log(`Not validated (providers missing from the mirror): ${notInMirror.map((s) => `${s.name} [${s.providers.join(", ")}]`).join("; ")}`);
    }
  }, 15 * 60_000);

  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it("covers every stack that uses only the AWS provider", () => {
    expect(validatable.map((s) => s.name)).toEqual(stacks.filter((s) => s.providers.every((p) => p === "aws")).map((s) => s.name));
    expect(validatable.length).toBeGreaterThan(0);
  });

  it("finds no error outside the stacks, and terraform fails only the run with the canary", () => {
    expect(result.unattributed.map(describeError)).toEqual([]);
    const canaryRun = Math.floor(checked.indexOf(CANARY) / Math.ceil(checked.length / RUNS));
    expect(result.exits).toHaveLength(RUNS);
    expect(result.exits).toEqual(result.exits.map((_, run) => (run === canaryRun ? 1 : 0)));
  });

  it("attributes an error to the stack that has it (a canary stack with an unsupported argument)", () => {
    expect(result.byStack.get(CANARY.name)!.map((d) => d.summary)).toEqual(["Extraneous JSON object property"]);
    expect(result.byStack.get(CANARY.name)![0].detail).toMatch(/No argument or block type is named "retention_days"/);
  });

  it.each(validatable.map((s) => s.name))("%s is valid", (name) => {
    expect(result.byStack.get(name)!.map(describeError)).toEqual([]);
  });
});
