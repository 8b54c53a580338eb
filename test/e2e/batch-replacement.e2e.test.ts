import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { resolveOrg } from "../../environments/load";
import type { OrgConfigInput } from "../../environments/schema";
import { accountAccessPlan } from "../../stacks/account-access-plan";
import { BatchStack } from "../../stacks/batch-stack";
import { BootstrapStack } from "../../stacks/bootstrap-stack";
import { bootstrapLocalStatePath } from "../../stacks/org-app";
import { bootstrapStackName } from "../../stacks/stack-names";
import { startMoto, type Moto } from "../support/moto";
import { changedAttributes, StackRunner } from "../support/stack-runner";
import { StandInNetworkStack } from "../support/stand-in-network-stack";
import { exampleOrgInput } from "../support/synth";
import { readSynthesized, type SynthesizedStack } from "../support/synthesized";
import { writeCliConfig } from "../support/terraform";
import { describeWithTooling } from "../support/tooling";
import { MOTO_GAPS, type ReadBackDrift } from "./moto-gaps";

/**
 * Replacing a live colour's compute environments on moto_server: the one-time move from the fixed
 * names of earlier releases to name prefixes, then a subnet change that the aws provider (5.100)
 * cannot update in place for the default Spot strategy SPOT_PRICE_CAPACITY_OPTIMIZED. Both must
 * create the new environment first, move the queues to it in place, and only then delete the old
 * one. The stand-in network stack stands for the network account, as in batch-blue-green.e2e.test.ts.
 */

const ENVIRONMENT = "dev";
const REGION = "us-east-1";
const BATCH_STACK = `${ENVIRONMENT}-${REGION}-batch`;
const STAND_IN = `e2e-stand-in-${ENVIRONMENT}-${REGION}-network`;
const workDir = mkdtempSync(join(tmpdir(), "orgplat-batch-replacement-e2e-"));
const outdir = join(workDir, "cdktf.out");

/** The bundled dev org with blue alone, on the schema's default Spot strategy. */
function devOrg(extraAzId?: string): OrgConfigInput {
  const org = exampleOrgInput();
  const batch = org.environments[ENVIRONMENT].batch!;
  const blue = { ...batch.colours.blue!, spotAllocationStrategy: "SPOT_PRICE_CAPACITY_OPTIMIZED" as const };
  org.environments[ENVIRONMENT].batch = { ...batch, regions: [REGION], colours: { blue }, state: { active: "blue" } };
  if (extraAzId) org.regions[REGION].azIds.push(extraAzId);
  return org;
}

/** What the release before name prefixes synthesized: fixed names and no create_before_destroy. */
function asEarlierRelease(stack: SynthesizedStack): void {
  const path = join(stack.dir, "cdk.tf.json");
  const json = JSON.parse(readFileSync(path, "utf8")) as { resource: Record<string, Record<string, Record<string, unknown>>> };
  for (const ce of Object.values(json.resource.aws_batch_compute_environment)) {
    ce.compute_environment_name = String(ce.compute_environment_name_prefix).replace(/-$/, "");
    delete ce.compute_environment_name_prefix;
    delete ce.lifecycle;
  }
  writeFileSync(path, JSON.stringify(json, null, 2));
}

interface PlannedChange {
  address: string;
  type: string;
  mode: string;
  change: Parameters<typeof changedAttributes>[0] & { actions: string[] };
}

/** An in-place update that only moto's declared read-back drift explains (moto-gaps.ts). */
function isDeclaredDrift(rc: PlannedChange): boolean {
  const gap = MOTO_GAPS.find((g): g is ReadBackDrift => g.kind === "drift" && g.resourceType === rc.type);
  const changed = changedAttributes(rc.change);
  return rc.change.actions.join() === "update" && !!gap && changed.length > 0 && changed.every((a) => gap.attributes.includes(a));
}

/**
 * Each managed resource's planned actions in Terraform's order ("create,delete" is create before
 * destroy), hash suffixes dropped, moto's declared drift left out.
 */
function plannedActions(planJson: string, options: { withDrift?: boolean } = {}): Record<string, string> {
  const plan = JSON.parse(planJson) as { resource_changes?: PlannedChange[] };
  return Object.fromEntries(
    (plan.resource_changes ?? [])
      .filter((rc) => rc.mode === "managed" && !rc.change.actions.every((a) => a === "no-op" || a === "read") && (options.withDrift || !isDeclaredDrift(rc)))
      .map((rc) => [rc.address.replace(/_[0-9A-F]{8}$/, ""), rc.change.actions.join(",")]),
  );
}

describeWithTooling({ moto: true })("replacing Batch compute environments on moto_server", () => {
  let moto: Moto;
  let runner: StackRunner;
  let stacks: Map<string, SynthesizedStack>;
  const seen: string[] = [];

  const synth = (input: OrgConfigInput): void => {
    const org = resolveOrg(input, `e2e ${ENVIRONMENT} org`);
    const env = org.environments.find((e) => e.name === ENVIRONMENT)!;
    const account = env.workloadAccounts[0];
    const target = { emulatorEndpoint: moto.endpoint, purpose: "deploy" as const };
    const vpcModel = env.vpcs.find((v) => v.region.name === REGION)!;
    const app = new App({ outdir, skipBackendValidation: true });
    const network = new StandInNetworkStack(app, STAND_IN, { org, account, region: REGION, environment: ENVIRONMENT, target, vpcModel });
    const consumer = new BatchStack(app, BATCH_STACK, { org, environmentModel: env, target, vpcModel, network });
    const bootstrap = bootstrapStackName(account);
    new BootstrapStack(app, bootstrap, {
      org,
      account,
      target,
      localStatePath: bootstrapLocalStatePath(bootstrap),
      access: accountAccessPlan(org, account, [network, consumer]),
    });
    app.synth();
    stacks = new Map(readSynthesized(outdir).map((s) => [s.name, s]));
  };
  const stack = (name: string): SynthesizedStack => stacks.get(name)!;
  const bootstrapName = (): string => [...stacks.keys()].find((n) => n !== BATCH_STACK && n !== STAND_IN)!;

  /** The last plan's actions per address, declared moto drift included. */
  let lastPlanActions: Record<string, string> = {};

  /** Plans the Batch stack as synthesized; returns its planned actions (and logs the counts). */
  const planBatch = (label: string): Record<string, string> => {
    const run = runner.run(stack(BATCH_STACK), ["plan", "-input=false", "-no-color", "-out=step.tfplan"]);
    if (run.code !== 0) throw new Error(`plan (${label}) failed:\n${run.stderr}${run.stdout}`);
    seen.push(`${label}: ${/Plan: .*/.exec(run.stdout)?.[0] ?? "no changes"}`);
    const planJson = runner.ok(stack(BATCH_STACK), ["show", "-json", "step.tfplan"]).stdout;
    lastPlanActions = plannedActions(planJson, { withDrift: true });
    return plannedActions(planJson);
  };

  /** Every queue's compute environments by name, whether each exists in AWS, and every compute environment AWS has. */
  const live = (): { queues: Record<string, { name: string; exists: boolean }[]>; environments: string[] } =>
    JSON.parse(
      asOperator(
        `b = client("batch")`,
        `ces = {ce["computeEnvironmentArn"]: ce["computeEnvironmentName"] for ce in b.describe_compute_environments()["computeEnvironments"]}`,
        `queues = {q["jobQueueName"]: [{"name": o["computeEnvironment"].split("/")[-1], "exists": o["computeEnvironment"] in ces} for o in sorted(q["computeEnvironmentOrder"], key=lambda o: o["order"])] for q in b.describe_job_queues()["jobQueues"]}`,
        `print(json.dumps({"queues": queues, "environments": sorted(ces.values())}))`,
      ),
    ) as { queues: Record<string, { name: string; exists: boolean }[]>; environments: string[] };

  const asOperator = (...lines: string[]): string => {
    const account = resolveOrg(devOrg()).environments.find((e) => e.name === ENVIRONMENT)!.workloadAccounts[0];
    const script = [
      "import boto3, json",
      `c = boto3.client("sts").assume_role(RoleArn="arn:aws:iam::${account.id}:role/OrganizationAccountAccessRole", RoleSessionName="operator")["Credentials"]`,
      `client = lambda service: boto3.client(service, region_name="${REGION}", aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"], aws_session_token=c["SessionToken"])`,
      ...lines,
    ].join("\n");
    const run = spawnSync("python3", ["-c", script], { env: { ...process.env, ...moto.env }, encoding: "utf8" });
    expect({ code: run.status, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    return run.stdout.trim();
  };

  beforeAll(async () => {
    moto = await startMoto();
    runner = new StackRunner(writeCliConfig(workDir, "mirror-binary"), { env: moto.env });
    synth(devOrg());
    for (const name of [bootstrapName(), STAND_IN]) {
      runner.init(stack(name));
      runner.apply(stack(name));
    }
    // Initialized once: a synth rewrites cdk.tf.json and keeps .terraform.
    runner.init(stack(BATCH_STACK));
    // AWS Batch creates its service-linked role on first use; moto does not (moto-gaps.ts).
    asOperator(
      `client("iam").create_role(Path="/aws-service-role/batch.amazonaws.com/", RoleName="AWSServiceRoleForBatch", ` +
        `AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "batch.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))`,
    );
    // Blue as an earlier release deployed it.
    asEarlierRelease(stack(BATCH_STACK));
    planBatch("earlier release, blue");
    runner.ok(stack(BATCH_STACK), ["apply", "-input=false", "-no-color", "step.tfplan"]);
  }, 15 * 60_000);

  afterAll(async () => {
    console.log(`Plans of ${BATCH_STACK}:\n${seen.map((s) => `  ${s}`).join("\n")}`);
    await moto?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it(
    "moves fixed names to name prefixes: each environment created before the old one is deleted, queues updated in place",
    () => {
      expect(live().environments).toEqual([`${BATCH_STACK}-blue-on-demand`, `${BATCH_STACK}-blue-spot`]);
      synth(devOrg());
      const actions = planBatch("name prefixes");
      expect(actions).toEqual({
        "aws_batch_compute_environment.compute_blue_spot": "create,delete",
        "aws_batch_compute_environment.compute_blue_on-demand": "create,delete",
        "aws_batch_job_queue.compute_spot-first": "update",
        "aws_batch_job_queue.compute_on-demand": "update",
      });
      runner.ok(stack(BATCH_STACK), ["apply", "-input=false", "-no-color", "step.tfplan"]);
      const after = live();
      expect(after.environments).toEqual([
        expect.stringMatching(new RegExp(`^${BATCH_STACK}-blue-on-demand-[0-9a-f]{26}$`)),
        expect.stringMatching(new RegExp(`^${BATCH_STACK}-blue-spot-[0-9a-f]{26}$`)),
      ]);
      for (const order of Object.values(after.queues)) for (const target of order) expect(target.exists).toBe(true);
      expect(runner.unexpectedChanges(stack(BATCH_STACK))).toEqual([]);
    },
    15 * 60_000,
  );

  it(
    "replaces the Spot environment create-before-destroy on a subnet change, the On-Demand one in place; the queues never order a deleted one",
    () => {
      const before = live();
      synth(devOrg("use1-az6"));
      runner.apply(stack(STAND_IN));
      const actions = planBatch("AZ ID added (new subnet)");
      expect(actions).toEqual({
        "aws_batch_compute_environment.compute_blue_spot": "create,delete",
        "aws_batch_job_queue.compute_spot-first": "update",
      });
      // BEST_FIT_PROGRESSIVE: the new subnet is an in-place update of compute_resources (which moto
      // accepts but does not keep, so it reads as declared drift above).
      expect(lastPlanActions["aws_batch_compute_environment.compute_blue_on-demand"]).toBe("update");
      runner.ok(stack(BATCH_STACK), ["apply", "-input=false", "-no-color", "step.tfplan"]);
      const after = live();
      const spotBefore = before.environments.find((n) => n.includes("-blue-spot-"))!;
      const spotAfter = after.environments.find((n) => n.includes("-blue-spot-"))!;
      expect(spotAfter).not.toBe(spotBefore);
      expect(after.environments).not.toContain(spotBefore);
      expect(after.queues[`${BATCH_STACK}-spot-first`].map((t) => t.name)).toEqual([spotAfter, before.queues[`${BATCH_STACK}-spot-first`][1].name]);
      for (const order of Object.values(after.queues)) for (const target of order) expect(target.exists).toBe(true);
      expect(runner.unexpectedChanges(stack(BATCH_STACK))).toEqual([]);
    },
    15 * 60_000,
  );

  it(
    "still refuses to remove the active colour at once (the guard knows prefixed names)",
    () => {
      const input = devOrg("use1-az6");
      const batch = input.environments[ENVIRONMENT].batch!;
      input.environments[ENVIRONMENT].batch = { ...batch, colours: { ...batch.colours, green: batch.colours.blue }, state: { active: "green" } };
      synth(input);
      const run = runner.run(stack(BATCH_STACK), ["plan", "-input=false", "-no-color"]);
      expect(run.code).toBe(1);
      expect((run.stderr + run.stdout).replace(/[│╷╵]/g, " ").replace(/\s+/g, " ")).toMatch(
        /Batch colour switch skipped a step: colour blue takes jobs first in a live job queue/,
      );
    },
    10 * 60_000,
  );

  it(
    // The stand-in network and the state bucket are fixtures: moto_server is stopped with them.
    "destroys the Batch stack",
    () => {
      runner.destroy(stack(BATCH_STACK));
      expect(runner.run(stack(BATCH_STACK), ["state", "list"]).stdout.trim()).toBe("");
    },
    15 * 60_000,
  );
});
