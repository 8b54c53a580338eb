import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runApply } from "../../scripts/apply";
import { PLAN_FILE } from "../../scripts/lib/stack-plan";
import { terraformCli, type TerraformCommand } from "../../scripts/lib/terraform-cli";
import { synthesizeOrg } from "../../stacks/synthesize";
import { startMoto, type Moto } from "../support/moto";
import { StackRunner } from "../support/stack-runner";
import { readSynthesized, type SynthesizedStack } from "../support/synthesized";
import { exampleOrgModel } from "../support/synth";
import { writeCliConfig } from "../support/terraform";
import { describeWithTooling } from "../support/tooling";

/**
 * What the deploy workflow does after approval, against moto_server: `npm run apply` applies the
 * plan file saved for the stack, and refuses one the state has moved past. The stack is the
 * us-east-1 Transit Gateway (state in the network account's bucket, so staleness is judged against
 * remote state); its plans are made with the harness's -target list, because a full plan would
 * include what moto cannot apply (test/e2e/moto-gaps.ts).
 */
const BOOTSTRAP = "bootstrap-network";
const TRANSIT = "shared-us-east-1-transit";

function capture() {
  const io = { stdout: "", stderr: "", out: (t: string) => void (io.stdout += `${t}\n`), err: (t: string) => void (io.stderr += `${t}\n`) };
  return io;
}

describeWithTooling({ moto: true })("apply of a saved plan against moto_server", () => {
  const workDir = mkdtempSync(join(tmpdir(), "orgplat-apply-"));
  const outdir = join(workDir, "cdktf.out");
  let moto: Moto;
  let runner: StackRunner;
  let tf: TerraformCommand;
  let stacks: Map<string, SynthesizedStack>;
  const stack = (name: string) => stacks.get(name)!;
  /**
   * A reviewed plan of the transit stack, saved where `npm run apply` looks, and copies of it under
   * `names`: plans made from the same state and configuration, as two reviews before one apply are
   * (one plan and its copy cost one provider start-up and refresh instead of two).
   */
  const planTransit = (...names: string[]) => {
    runner.ok(stack(TRANSIT), ["plan", "-input=false", "-no-color", `-out=${PLAN_FILE}`, ...runner.targetArgs(stack(TRANSIT))]);
    for (const name of names) copyFileSync(join(stack(TRANSIT).dir, PLAN_FILE), join(stack(TRANSIT).dir, name));
  };
  const managed = () =>
    runner
      .ok(stack(TRANSIT), ["state", "list"])
      .stdout.split("\n")
      .filter((a) => a && !a.startsWith("data."));

  beforeAll(async () => {
    moto = await startMoto();
    const cliConfig = writeCliConfig(workDir, "mirror-binary");
    runner = new StackRunner(cliConfig, { env: moto.env });
    tf = terraformCli({ ...process.env, ...moto.env, TF_CLI_CONFIG_FILE: cliConfig }, 300_000);
    synthesizeOrg(exampleOrgModel(), { emulatorEndpoint: moto.endpoint, purpose: "deploy" }, outdir);
    stacks = new Map(readSynthesized(outdir).map((s) => [s.name, s]));
    runner.init(stack(BOOTSTRAP));
    runner.apply(stack(BOOTSTRAP));
    runner.init(stack(TRANSIT));
  }, 15 * 60_000);

  afterAll(async () => {
    await moto?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it(
    "applies exactly the saved plan, and refuses a plan made stale by a second apply, saying to re-plan",
    () => {
      planTransit("first.tfplan", "second.tfplan");
      const planned = runner
        .targetArgs(stack(TRANSIT))
        .map((t) => t.slice("-target=".length))
        .sort();

      // The second reviewed plan is applied: exactly what it planned now exists.
      copyFileSync(join(stack(TRANSIT).dir, "second.tfplan"), join(stack(TRANSIT).dir, PLAN_FILE));
      const applied = capture();
      expect(runApply(["--stack", TRANSIT, "--outdir", outdir], applied, tf)).toBe(0);
      expect(applied.stdout).toContain(`Applying the saved plan of ${TRANSIT}`);
      expect(applied.stdout).toMatch(new RegExp(`Apply complete! Resources: ${planned.length} added, 0 changed, 0 destroyed`));
      expect(managed().sort()).toEqual(planned);

      // The first plan was made before that apply: terraform refuses it and nothing changes.
      copyFileSync(join(stack(TRANSIT).dir, "first.tfplan"), join(stack(TRANSIT).dir, PLAN_FILE));
      const stale = capture();
      expect(runApply(["--stack", TRANSIT, "--outdir", outdir], stale, tf)).toBe(1);
      expect(stale.stderr).toContain(`${TRANSIT}: the saved plan is stale`);
      expect(stale.stderr).toContain(`Re-plan and review again`);
      expect(managed().sort()).toEqual(planned);
    },
    10 * 60_000,
  );

  it("refuses a stack without a saved plan instead of making a fresh one", () => {
    rmSync(join(stack(BOOTSTRAP).dir, PLAN_FILE), { force: true });
    const io = capture();
    expect(runApply(["--stack", BOOTSTRAP, "--outdir", outdir], io, tf)).toBe(1);
    expect(io.stderr).toContain(`${BOOTSTRAP} has no saved plan`);
  });
});
