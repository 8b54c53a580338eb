import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { resolveOrg } from "../../environments/load";
import type { OrgConfigInput } from "../../environments/schema";
import { BatchStack } from "../../stacks/batch-stack";
import { accountAccessPlan } from "../../stacks/account-access-plan";
import { BootstrapStack } from "../../stacks/bootstrap-stack";
import { bootstrapLocalStatePath } from "../../stacks/org-app";
import { bootstrapStackName } from "../../stacks/stack-names";
import { startMoto, type Moto } from "../support/moto";
import { StandInNetworkStack } from "../support/stand-in-network-stack";
import { StackRunner } from "../support/stack-runner";
import { exampleOrgInput } from "../support/synth";
import { readSynthesized, type SynthesizedStack } from "../support/synthesized";
import { writeCliConfig } from "../support/terraform";
import { describeWithTooling } from "../support/tooling";
import { MOTO_GAPS, type ReadBackDrift } from "./moto-gaps";

/**
 * The blue-green switch of dev-us-east-1-batch, applied to moto_server step by step.
 *
 * Declared emulator limitation: moto does not let the workload account see subnets or a VPC of
 * the network account (RAM sharing is not emulated), so a compute environment in the real shared
 * subnets fails ("subnet ... does not exist"). Here the Batch stack is the product's own, built
 * from the dev config, but its network outputs come from a stand-in stack that creates the VPC
 * and private subnets (with the product's SharedVpc/SharedSubnets) in the workload account
 * itself. Real: every Batch resource, the preconditions and the live reads they do. Not real:
 * who owns the subnets.
 */

const ENVIRONMENT = "dev";
const REGION = "us-east-1";
const BATCH_STACK = `${ENVIRONMENT}-${REGION}-batch`;
const STAND_IN = `e2e-stand-in-${ENVIRONMENT}-${REGION}-network`;

type BatchInput = NonNullable<OrgConfigInput["environments"][string]["batch"]>;
const workDir = mkdtempSync(join(tmpdir(), "orgplat-batch-e2e-"));
const outdir = join(workDir, "cdktf.out");
const baseline = exampleOrgInput();
const workloadAccount = resolveOrg(baseline).environments.find((e) => e.name === ENVIRONMENT)!.workloadAccounts[0];
const BOOTSTRAP = bootstrapStackName(workloadAccount);
const blue = baseline.environments[ENVIRONMENT].batch!.colours.blue!;
/**
 * The new colour: what an infrastructure change looks like (other instance types, bigger disks).
 * SPOT_CAPACITY_OPTIMIZED: the aws provider (5.100) plans in-place updates of a Spot environment only
 * with it, not with SPOT_PRICE_CAPACITY_OPTIMIZED (docs/batch.md, service-linked role).
 */
const green: typeof blue = { ...blue, instanceTypes: ["m7i", "c7i"], rootVolumeGiB: 80, spotAllocationStrategy: "SPOT_CAPACITY_OPTIMIZED" };

/** The dev org with its batch colours and state replaced. */
function orgWith(colours: BatchInput["colours"], state: BatchInput["state"]): OrgConfigInput {
  const org = exampleOrgInput();
  const batch = org.environments[ENVIRONMENT].batch!;
  org.environments[ENVIRONMENT].batch = { ...batch, regions: [REGION], colours, state };
  return org;
}

const STEPS = {
  "1 blue active": orgWith({ blue }, { active: "blue" }),
  "2 green active, blue draining": orgWith({ blue, green }, { active: "green", draining: "blue" }),
  "3 green active, blue retired": orgWith({ blue, green }, { active: "green" }),
  "4 blue removed": orgWith({ green }, { active: "green" }),
};

/** `type.name: action` per planned change (hash suffixes dropped) with counts: the product's, and moto's declared drift. */
interface PlanSeen {
  readonly changes: string[];
  readonly counts: { add: number; change: number; destroy: number };
  readonly drift: string[];
  readonly driftCounts: { add: number; change: number; destroy: number };
}

describeWithTooling({ moto: true })("the Batch blue-green switch applied to moto_server", () => {
  let moto: Moto;
  let runner: StackRunner;
  let stacks: Map<string, SynthesizedStack>;
  const seen: Record<string, PlanSeen> = {};

  const synth = (input: OrgConfigInput): void => {
    const org = resolveOrg(input, `e2e ${ENVIRONMENT} org`);
    const env = org.environments.find((e) => e.name === ENVIRONMENT)!;
    const account = env.workloadAccounts[0];
    const target = { emulatorEndpoint: moto.endpoint, purpose: "deploy" as const };
    const vpcModel = env.vpcs.find((v) => v.region.name === REGION)!;
    const app = new App({ outdir, skipBackendValidation: true });
    const network = new StandInNetworkStack(app, STAND_IN, { org, account, region: REGION, environment: ENVIRONMENT, target, vpcModel });
    const consumer = new BatchStack(app, BATCH_STACK, { org, environmentModel: env, target, vpcModel, network });
    new BootstrapStack(app, BOOTSTRAP, {
      org,
      account,
      target,
      localStatePath: bootstrapLocalStatePath(BOOTSTRAP),
      access: accountAccessPlan(org, account, [network, consumer]),
    });
    app.synth();
    stacks = new Map(readSynthesized(outdir).map((s) => [s.name, s]));
  };
  const stack = (name: string): SynthesizedStack => stacks.get(name)!;

  /** Plans the batch stack for `input` (initialized once: a synth keeps its .terraform); returns the plan (summarized, and as `show -json` printed it), or the failed plan's output. */
  const plan = (input: OrgConfigInput): { ok: true; seen: PlanSeen; json: string } | { ok: false; output: string } => {
    synth(input);
    const run = runner.run(stack(BATCH_STACK), ["plan", "-input=false", "-no-color", "-out=step.tfplan"]);
    if (run.code !== 0) return { ok: false, output: run.stderr + run.stdout };
    const json = runner.ok(stack(BATCH_STACK), ["show", "-json", "step.tfplan"]).stdout;
    return { ok: true, seen: summarize(json), json };
  };

  /** Plans a step, checks the plan holds exactly `expected`, applies that plan, re-plans to no changes. */
  const step = (name: keyof typeof STEPS, expected: string[]): void => {
    const planned = plan(STEPS[name]);
    if (!planned.ok) throw new Error(`plan of step "${name}" failed:\n${planned.output}`);
    seen[name] = planned.seen;
    expect(planned.seen.changes).toEqual([...expected].sort());
    // moto's declared drift (moto-gaps.ts) may never touch what the step changes.
    const stepAddresses = new Set(expected.map((e) => e.split(":")[0]));
    expect(planned.seen.drift.filter((d) => stepAddresses.has(d.split(":")[0]))).toEqual([]);
    runner.ok(stack(BATCH_STACK), ["apply", "-input=false", "-no-color", "step.tfplan"]);
    expect(runner.unexpectedChanges(stack(BATCH_STACK))).toEqual([]);
  };

  /** Runs boto3 `lines` in the workload account (clients: `client(service)`), as an operator with the CLI would; returns stdout. */
  const asOperator = (...lines: string[]): string => {
    const script = [
      "import boto3, json",
      `c = boto3.client("sts").assume_role(RoleArn="arn:aws:iam::${workloadAccount.id}:role/OrganizationAccountAccessRole", RoleSessionName="operator")["Credentials"]`,
      `client = lambda service: boto3.client(service, region_name="${REGION}", aws_access_key_id=c["AccessKeyId"], aws_secret_access_key=c["SecretAccessKey"], aws_session_token=c["SessionToken"])`,
      ...lines,
    ].join("\n");
    const run = spawnSync("python3", ["-c", script], { env: { ...process.env, ...moto.env }, encoding: "utf8" });
    expect({ code: run.status, stderr: run.stderr }).toEqual({ code: 0, stderr: "" });
    return run.stdout.trim();
  };

  /** The live name of a compute environment: its stem ("dev-us-east-1-batch-blue-spot") and Terraform's unique suffix. */
  const liveName = (stem: string): string => {
    const matching = asOperator(
      `print("\\n".join(ce["computeEnvironmentName"] for ce in client("batch").describe_compute_environments()["computeEnvironments"]))`,
    )
      .split("\n")
      .filter((n) => new RegExp(`^${stem}-[0-9a-f]{26}$`).test(n));
    expect(matching).toHaveLength(1);
    return matching[0];
  };

  /** Changes the state of a compute environment behind Terraform's back. */
  const setStateInAws = (computeEnvironment: string, state: "ENABLED" | "DISABLED"): void => {
    const seenState = asOperator(
      `b = client("batch")`,
      `b.update_compute_environment(computeEnvironment="${computeEnvironment}", state="${state}")`,
      `print(b.describe_compute_environments(computeEnvironments=["${computeEnvironment}"])["computeEnvironments"][0]["state"])`,
    );
    expect(seenState).toBe(state);
  };

  /** Every queue's compute environments, and whether each still exists in AWS (by ARN). */
  const liveQueueTargets = (): Record<string, { arn: string; exists: boolean }[]> =>
    JSON.parse(
      asOperator(
        `b = client("batch")`,
        `ces = {ce["computeEnvironmentArn"] for ce in b.describe_compute_environments()["computeEnvironments"]}`,
        `print(json.dumps({q["jobQueueName"]: [{"arn": o["computeEnvironment"], "exists": o["computeEnvironment"] in ces} for o in q["computeEnvironmentOrder"]] for q in b.describe_job_queues()["jobQueues"]}))`,
      ),
    ) as Record<string, { arn: string; exists: boolean }[]>;

  beforeAll(async () => {
    moto = await startMoto();
    runner = new StackRunner(writeCliConfig(workDir, "mirror-binary"), { env: moto.env });
    synth(STEPS["1 blue active"]);
    for (const name of [BOOTSTRAP, STAND_IN]) {
      runner.init(stack(name));
      runner.apply(stack(name));
    }
    runner.init(stack(BATCH_STACK));
    // AWS Batch creates its service-linked role on first use; moto does not (moto-gaps.ts), so it is created here as Batch would.
    asOperator(
      `client("iam").create_role(Path="/aws-service-role/batch.amazonaws.com/", RoleName="AWSServiceRoleForBatch", ` +
        `AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "batch.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))`,
    );
  }, 15 * 60_000);

  afterAll(async () => {
    console.log(
      `Plans seen at each switch step (product changes; plus moto's declared launch-template drift):\n` +
        Object.entries(seen)
          .map(
            ([n, s]) => `  ${n}: ${s.counts.add} to add, ${s.counts.change} to change, ${s.counts.destroy} to destroy; drift: ${s.drift.join(", ") || "none"}`,
          )
          .join("\n"),
    );
    await moto?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it(
    "step 1 creates blue (Spot and On-Demand), the two queues, roles, job definition; re-plan is empty",
    () => {
      step("1 blue active", [
        ...["blue_launch-template", "blue_spot", "blue_on-demand"].map((r) => colourResource(r, "create")),
        "aws_batch_job_queue.compute_spot-first: create",
        "aws_batch_job_queue.compute_on-demand: create",
        "aws_batch_job_definition.job-nightly-report_definition: create",
        "aws_cloudwatch_log_group.job-logs_log-group: create",
        "aws_iam_instance_profile.roles_instance-profile: create",
        "aws_iam_role.roles_instance: create",
        "aws_iam_role.roles_job: create",
        "aws_iam_role.roles_service: create",
        "aws_iam_role_policy.roles_agent-policy: create",
        "aws_iam_role_policy_attachment.roles_service-policy: create",
        "aws_kms_alias.log-group-key_alias: create",
        "aws_kms_key.log-group-key: create",
        "aws_security_group.security-group: create",
        "aws_vpc_security_group_egress_rule.security-group_https: create",
        "aws_vpc_security_group_egress_rule.security-group_vpc: create",
      ]);
    },
    15 * 60_000,
  );

  it(
    "refuses at plan to retire blue before it drained (skipping the draining step)",
    () => {
      const planned = plan(orgWith({ blue, green }, { active: "green" }));
      expect(planned.ok).toBe(false);
      expect(!planned.ok && oneLine(planned.output)).toMatch(
        /Batch colour switch skipped a step: colour blue takes jobs first in a live job queue .* next set environments\.dev\.batch\.state = \{ active: "green", draining: "blue" \}/,
      );
    },
    10 * 60_000,
  );

  it(
    "step 2 adds green first in both queues with blue behind it, changing nothing else",
    () => {
      step("2 green active, blue draining", [
        ...["green_launch-template", "green_spot", "green_on-demand"].map((r) => colourResource(r, "create")),
        "aws_batch_job_queue.compute_spot-first: update",
        "aws_batch_job_queue.compute_on-demand: update",
      ]);
    },
    15 * 60_000,
  );

  it(
    "refuses at plan to remove blue while it is ENABLED and queued",
    () => {
      const planned = plan(STEPS["4 blue removed"]);
      expect(planned.ok).toBe(false);
      const output = !planned.ok ? oneLine(planned.output) : "";
      expect(output).toMatch(
        /compute environment\(s\) dev-us-east-1-batch-blue-on-demand-[0-9a-f]{26}, dev-us-east-1-batch-blue-spot-[0-9a-f]{26} are left out of environments\.dev\.batch\.colours but still ENABLED in AWS/,
      );
      expect(output).toMatch(/a live job queue still sends jobs to them/);
      expect(output).toMatch(/Next step: keep the colour under environments\.dev\.batch\.colours with environments\.dev\.batch\.state = \{ active: "green" \}/);
    },
    10 * 60_000,
  );

  it(
    "step 3 disables blue and takes it out of both queues, in place",
    () => {
      step("3 green active, blue retired", [
        "aws_batch_compute_environment.compute_blue_spot: update",
        "aws_batch_compute_environment.compute_blue_on-demand: update",
        "aws_batch_job_queue.compute_spot-first: update",
        "aws_batch_job_queue.compute_on-demand: update",
      ]);
    },
    15 * 60_000,
  );

  it(
    "reads the live state: blue re-enabled behind Terraform's back stops the removal at plan",
    () => {
      const blueSpot = liveName("dev-us-east-1-batch-blue-spot");
      setStateInAws(blueSpot, "ENABLED");
      const planned = plan(STEPS["4 blue removed"]);
      expect(planned.ok).toBe(false);
      const output = !planned.ok ? oneLine(planned.output) : "";
      expect(output).toMatch(
        /compute environment\(s\) dev-us-east-1-batch-blue-spot-[0-9a-f]{26} are left out of environments\.dev\.batch\.colours but still ENABLED in AWS/,
      );
      expect(output).not.toMatch(/a live job queue still sends jobs to them/);
      setStateInAws(blueSpot, "DISABLED");
    },
    10 * 60_000,
  );

  it(
    "refuses at plan to remove blue while its ECS cluster still runs a job, though blue is DISABLED and out of every queue",
    () => {
      const cluster = `client("batch").describe_compute_environments(computeEnvironments=["${liveName(`${BATCH_STACK}-blue-spot`)}"])["computeEnvironments"][0]["ecsClusterArn"]`;
      const task = asOperator(
        `ecs, ec2 = client("ecs"), client("ec2")`,
        `cluster = ${cluster}`,
        `instance = ec2.run_instances(ImageId=ec2.describe_images()["Images"][0]["ImageId"], MinCount=1, MaxCount=1, InstanceType="m6i.large")["Instances"][0]["InstanceId"]`,
        `ecs.register_container_instance(cluster=cluster, instanceIdentityDocument=json.dumps({"instanceId": instance}))`,
        `ecs.register_task_definition(family="e2e-batch-job", containerDefinitions=[{"name": "job", "image": "busybox", "memory": 128, "cpu": 256}])`,
        `print(ecs.run_task(cluster=cluster, taskDefinition="e2e-batch-job", count=1)["tasks"][0]["taskArn"])`,
      );
      const planned = plan(STEPS["4 blue removed"]);
      expect(planned.ok).toBe(false);
      const output = !planned.ok ? oneLine(planned.output) : "";
      expect(output).toMatch(
        /Batch colour removal refused: compute environment\(s\) dev-us-east-1-batch-blue-spot-[0-9a-f]{26} \(1 running, 0 pending\) still run jobs/,
      );
      expect(output).not.toMatch(/still ENABLED in AWS|a live job queue still sends jobs/);
      asOperator(`ecs = client("ecs")`, `ecs.stop_task(cluster=${cluster}, task="${task}")`);
    },
    10 * 60_000,
  );

  it(
    "step 4 deletes blue's compute environments and launch template only",
    () => {
      step(
        "4 blue removed",
        ["blue_launch-template", "blue_spot", "blue_on-demand"].map((r) => colourResource(r, "delete")),
      );
    },
    15 * 60_000,
  );

  it(
    "updates the live colour's compute environments in place when an AZ ID is added and its instance types change; queues keep pointing at live ones",
    () => {
      const input = structuredClone(STEPS["4 blue removed"]);
      input.regions[REGION].azIds.push("use1-az6");
      input.environments[ENVIRONMENT].batch!.colours.green = { ...green, instanceTypes: ["m7i", "c7i", "r7i"] };
      synth(input);
      runner.apply(stack(STAND_IN));
      const planned = plan(input);
      if (!planned.ok) throw new Error(`plan failed:\n${planned.output}`);
      const actions = rawActions(planned.json);
      expect(actions.filter(([address]) => address.startsWith("aws_batch_compute_environment."))).toEqual([
        ["aws_batch_compute_environment.compute_green_on-demand", "update"],
        ["aws_batch_compute_environment.compute_green_spot", "update"],
      ]);
      expect(actions.filter(([, action]) => action.includes("delete"))).toEqual([]);
      seen["5 AZ ID added, green's instance types changed"] = planned.seen;
      runner.ok(stack(BATCH_STACK), ["apply", "-input=false", "-no-color", "step.tfplan"]);
      const targets = liveQueueTargets();
      expect(Object.keys(targets).sort()).toEqual([`${BATCH_STACK}-on-demand`, `${BATCH_STACK}-spot-first`]);
      for (const order of Object.values(targets))
        for (const target of order) expect(target).toEqual({ arn: expect.stringContaining("-batch-green-"), exists: true });
      expect(runner.unexpectedChanges(stack(BATCH_STACK))).toEqual([]);
    },
    15 * 60_000,
  );

  it(
    // The stand-in network and the state bucket are this file's fixtures, not its subject: moto_server is
    // stopped with them (the org e2e destroys the product's own network and bootstrap stacks).
    "destroys the Batch stack",
    () => {
      runner.destroy(stack(BATCH_STACK));
      expect(runner.run(stack(BATCH_STACK), ["state", "list"]).stdout.trim()).toBe("");
    },
    15 * 60_000,
  );
});

/** "blue_spot" → the colour's resource line, e.g. "aws_batch_compute_environment.compute_blue_spot: create". */
function colourResource(resource: string, action: string): string {
  const type = resource.endsWith("launch-template") ? "aws_launch_template" : "aws_batch_compute_environment";
  return `${type}.compute_${resource}: ${action}`;
}

interface PlannedChange {
  address: string;
  type: string;
  mode: string;
  change: { actions: string[]; before: Record<string, unknown> | null; after: Record<string, unknown> | null; after_unknown?: Record<string, unknown> };
}

/**
 * The plan's changes as "type.name: actions", split into the product's own and those a declared
 * moto read-back drift explains (moto-gaps.ts), with Terraform's counts for each.
 */
function summarize(planJson: string): PlanSeen {
  const plan = JSON.parse(planJson) as { resource_changes?: PlannedChange[] };
  const seen = { changes: [] as string[], counts: { add: 0, change: 0, destroy: 0 }, drift: [] as string[], driftCounts: { add: 0, change: 0, destroy: 0 } };
  for (const rc of plan.resource_changes ?? []) {
    const actions = rc.change.actions;
    if (rc.mode !== "managed" || actions.every((a) => a === "no-op" || a === "read")) continue;
    const gap = MOTO_GAPS.find((g): g is ReadBackDrift => g.kind === "drift" && g.resourceType === rc.type);
    const changed = changedAttributes(rc.change);
    const isDrift = actions.join() === "update" && !!gap && changed.length > 0 && changed.every((a) => gap.attributes.includes(a));
    const counts = isDrift ? seen.driftCounts : seen.counts;
    if (actions.includes("create")) counts.add++;
    if (actions.includes("update")) counts.change++;
    if (actions.includes("delete")) counts.destroy++;
    (isDrift ? seen.drift : seen.changes).push(`${rc.address.replace(/_[0-9A-F]{8}$/, "")}: ${actions.join("+")}`);
  }
  return { ...seen, changes: seen.changes.sort(), drift: seen.drift.sort() };
}

function changedAttributes(change: PlannedChange["change"]): string[] {
  const before = change.before ?? {};
  const after = change.after ?? {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(change.after_unknown ?? {})]);
  return [...keys].filter((k) => k !== "id" && (JSON.stringify(before[k]) !== JSON.stringify(after[k]) || change.after_unknown?.[k] === true)).sort();
}

/** Each managed resource's planned actions, "create+delete" style, hash suffixes dropped; no-ops left out. */
function rawActions(planJson: string): [string, string][] {
  const plan = JSON.parse(planJson) as { resource_changes?: PlannedChange[] };
  return (plan.resource_changes ?? [])
    .filter((rc) => rc.mode === "managed" && !rc.change.actions.every((a) => a === "no-op" || a === "read"))
    .map((rc): [string, string] => [rc.address.replace(/_[0-9A-F]{8}$/, ""), rc.change.actions.join("+")])
    .sort(([a], [b]) => a.localeCompare(b));
}

function oneLine(text: string): string {
  return text.replace(/[│╷╵]/g, " ").replace(/\s+/g, " ");
}
