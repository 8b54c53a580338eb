import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { runApply } from "../../../scripts/apply";
import { PLAN_FILE } from "../../../scripts/lib/stack-plan";
import { capturedIo } from "../../scripts/fixtures/example-synth";
import { BOOTSTRAP, TRANSIT, type NetworkAccountFixture } from "./fixture";

/**
 * What the deploy workflow does after approval: `npm run apply` applies the plan file saved for the
 * stack, and refuses one the state has moved past. The stack is the us-east-1 Transit Gateway, not
 * applied yet (state in the network account's bucket, so staleness is judged against remote state);
 * its plans are made with the harness's -target list, because a full plan would include what moto
 * cannot apply (test/e2e/moto-gaps.ts). Runs first: its apply is the Transit Gateway the scenarios
 * after it use.
 */
export function describeSavedPlanApply(fixture: NetworkAccountFixture): void {
  describe("apply of a saved plan", () => {
    const transit = () => fixture.stack(TRANSIT);
    /**
     * A reviewed plan of the transit stack, saved where `npm run apply` looks, and copies of it under
     * `names`: plans made from the same state and configuration, as two reviews before one apply are
     * (one plan and its copy cost one provider start-up and refresh instead of two).
     */
    const planTransit = (...names: string[]) => {
      fixture.runner.ok(transit(), ["plan", "-input=false", "-no-color", `-out=${PLAN_FILE}`, ...fixture.runner.targetArgs(transit())]);
      for (const name of names) copyFileSync(join(transit().dir, PLAN_FILE), join(transit().dir, name));
    };
    const managed = () =>
      fixture.runner
        .ok(transit(), ["state", "list"])
        .stdout.split("\n")
        .filter((a) => a && !a.startsWith("data."));

    it(
      "applies exactly the saved plan, and refuses a plan made stale by a second apply, saying to re-plan",
      () => {
        planTransit("first.tfplan", "second.tfplan");
        const planned = fixture.runner
          .targetArgs(transit())
          .map((t) => t.slice("-target=".length))
          .sort();

        // The second reviewed plan is applied: exactly what it planned now exists.
        copyFileSync(join(transit().dir, "second.tfplan"), join(transit().dir, PLAN_FILE));
        const applied = capturedIo();
        expect(runApply(["--stack", TRANSIT, "--outdir", fixture.outdir], applied, fixture.tf)).toBe(0);
        expect(applied.stdout).toContain(`Applying the saved plan of ${TRANSIT}`);
        expect(applied.stdout).toMatch(new RegExp(`Apply complete! Resources: ${planned.length} added, 0 changed, 0 destroyed`));
        expect(managed().sort()).toEqual(planned);

        // The first plan was made before that apply: terraform refuses it and nothing changes.
        copyFileSync(join(transit().dir, "first.tfplan"), join(transit().dir, PLAN_FILE));
        const stale = capturedIo();
        expect(runApply(["--stack", TRANSIT, "--outdir", fixture.outdir], stale, fixture.tf)).toBe(1);
        expect(stale.stderr).toContain(`${TRANSIT}: the saved plan is stale`);
        expect(stale.stderr).toContain(`Re-plan and review again`);
        expect(managed().sort()).toEqual(planned);
      },
      10 * 60_000,
    );

    it("refuses a stack without a saved plan instead of making a fresh one", () => {
      rmSync(join(fixture.stack(BOOTSTRAP).dir, PLAN_FILE), { force: true });
      const io = capturedIo();
      expect(runApply(["--stack", BOOTSTRAP, "--outdir", fixture.outdir], io, fixture.tf)).toBe(1);
      expect(io.stderr).toContain(`${BOOTSTRAP} has no saved plan`);
    });
  });
}
