import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import type { Construct } from "constructs";
import { loadOrg, resolveOrg } from "../../environments/load";
import type { OrgModel } from "../../planning/model";
import { FlowLogs } from "../../modules/network/flow-logs";
import { SharedVpc } from "../../modules/network/shared-vpc";
import { flowLogArchiveDestination } from "../../modules/observability/flow-log-archive-location";
import { AccountStack, type AccountStackProps } from "../../stacks/account-stack";
import { LogArchiveStack, logArchiveAccountOf } from "../../stacks/log-archive-stack";
import { logGroupKeyOf } from "../../stacks/log-group-key-of";
import { startMoto, type Moto } from "../support/moto";
import { StackRunner } from "../support/stack-runner";
import { exampleOrgInput } from "../support/synth";
import { readSynthesized, type SynthesizedStack } from "../support/synthesized";
import { writeCliConfig } from "../support/terraform";
import { describeWithTooling } from "../support/tooling";

/**
 * The log side of observability on moto_server: the real log-archive stack (bucket, key, policies)
 * of us-east-1, and a VPC of the network account with the product's FlowLogs, which makes the
 * tiered, keyed flow-log group (TieredLogGroup + the stack's LogGroupKey) and both flow logs (to
 * CloudWatch and to the archive bucket). Applied as the deploy role, re-planned with no changes, a
 * tier change planned, destroyed.
 *
 * Not real: state is local (no bootstrap stacks, so the file runs in minutes on a shared machine),
 * and the VPC comes without the network stack's subnets, routing, endpoints, share and attachment
 * (test/e2e/org.e2e.test.ts applies the whole network stack).
 */
const REGION = "us-east-1";
const ENVIRONMENT = "dev";
const ARCHIVE = `shared-${REGION}-archive`;
const FLOW_LOGS = `e2e-stand-in-${ENVIRONMENT}-${REGION}-flow-logs`;
const ORDER = [ARCHIVE, FLOW_LOGS];

/** The environment's VPC and its flow logs exactly as the network stack makes them, in the network account. */
class StandInFlowLogStack extends AccountStack {
  constructor(scope: Construct, name: string, props: AccountStackProps & { readonly archive: LogArchiveStack }) {
    super(scope, name, props);
    const env = props.org.environments.find((e) => e.name === props.environment)!;
    const vpcModel = env.vpcs.find((v) => v.region.name === props.region)!;
    const shared = new SharedVpc(this, "vpc", { cidr: vpcModel.cidr, name });
    new FlowLogs(this, "flow-logs", {
      vpc: shared.vpc,
      accountId: this.account.id,
      region: this.region,
      retentionDays: env.logRetention,
      key: logGroupKeyOf(this).key,
      archiveDestination: flowLogArchiveDestination(props.org.name, props.archive.account.id, this.region, env.name),
      name: `${env.name}-${this.region}`,
    });
  }
}

const org = loadOrg();
const workDir = mkdtempSync(join(tmpdir(), "orgplat-obs-logs-e2e-"));
const outdir = join(workDir, "cdktf.out");

// AWS's view of what was applied, through boto3 (comes with moto_server) assuming the deploy role of the account.
const DESCRIBE = `
import boto3, json, sys
account, region = sys.argv[1:3]
creds = boto3.client("sts").assume_role(RoleArn=f"arn:aws:iam::{account}:role/orgplat-deploy", RoleSessionName="orgplat-e2e")["Credentials"]
session = boto3.Session(aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"], region_name=region)
groups = session.client("logs").describe_log_groups(logGroupNamePrefix="/orgplat/")["logGroups"]
flows = session.client("ec2").describe_flow_logs()["FlowLogs"]
print(json.dumps({
  "logGroups": [{"name": g["logGroupName"], "retentionInDays": g.get("retentionInDays"), "kmsKeyId": g.get("kmsKeyId")} for g in groups],
  "flowLogs": sorted([{"type": f["LogDestinationType"], "destination": f.get("LogDestination")} for f in flows], key=lambda f: f["type"]),
}))
`;

interface PlannedChange {
  type: string;
  address: string;
  change: { actions: string[]; before?: Record<string, unknown>; after?: Record<string, unknown> };
}

interface Described {
  logGroups: { name: string; retentionInDays?: number; kmsKeyId?: string }[];
  flowLogs: { type: string; destination: string }[];
}

describeWithTooling({ moto: true })("log groups, their keys and the flow-log archive applied to moto_server", () => {
  let moto: Moto;
  let runner: StackRunner;
  let stacks: Map<string, SynthesizedStack>;
  const stack = (name: string): SynthesizedStack => stacks.get(name)!;
  const describe = (account: string): Described => {
    const run = spawnSync("python3", ["-c", DESCRIBE, account, REGION], { env: { ...process.env, ...moto.env }, encoding: "utf8", timeout: 60_000 });
    if (run.status !== 0) throw new Error(`describe in ${account} failed: ${run.stderr}`);
    return JSON.parse(run.stdout) as Described;
  };

  const synth = (model: OrgModel): void => {
    const app = new App({ outdir, skipBackendValidation: true });
    const target = { emulatorEndpoint: moto.endpoint, purpose: "deploy" as const };
    const state = (name: string) => `../../../.e2e-state/${name}.tfstate`;
    const archive = new LogArchiveStack(app, ARCHIVE, {
      org: model,
      target,
      regionModel: model.regions[REGION],
      archiveAccount: logArchiveAccountOf(model)!,
      localStatePath: state(ARCHIVE),
    });
    new StandInFlowLogStack(app, FLOW_LOGS, {
      org: model,
      target,
      account: model.networkAccount,
      region: REGION,
      environment: ENVIRONMENT,
      archive,
      localStatePath: state(FLOW_LOGS),
    });
    app.synth();
    stacks = new Map(readSynthesized(outdir).map((s) => [s.name, s]));
  };

  beforeAll(async () => {
    moto = await startMoto();
    runner = new StackRunner(writeCliConfig(workDir, "mirror-binary"), { env: moto.env });
    synth(org);
  }, 120_000);

  afterAll(async () => {
    await moto?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it(
    "applies the archive stack, then the VPC with its flow logs, each re-planning with no changes",
    () => {
      for (const name of ORDER) {
        runner.init(stack(name));
        runner.apply(stack(name));
        expect({ name, changes: runner.unexpectedChanges(stack(name)) }).toEqual({ name, changes: [] });
      }
    },
    15 * 60_000,
  );

  it("keeps the archive bucket and its key in the log-archive account, the bucket encrypted with that key", () => {
    const state = runner.ok(stack(ARCHIVE), ["state", "list"]).stdout;
    expect(state).toMatch(/aws_s3_bucket\.flow-logs_bucket_/);
    expect(state).toMatch(/aws_kms_key\.flow-logs_key_/);
    expect(state).toMatch(/aws_s3_bucket_server_side_encryption_configuration\.flow-logs_encryption_/);
  });

  it("creates the flow-log group with the security tier's days under the stack's own key, and flow logs to it and to the archive bucket", () => {
    const seen = describe(org.networkAccount.id);
    const env = org.environments.find((e) => e.name === ENVIRONMENT)!;
    expect(seen.logGroups).toEqual([
      {
        name: `/orgplat/vpc-flow-logs/dev-${REGION}`,
        retentionInDays: env.logRetention.security,
        kmsKeyId: expect.stringMatching(new RegExp(`^arn:aws:kms:${REGION}:${org.networkAccount.id}:key/`)),
      },
    ]);
    // The copy to the archive bucket is a declared moto gap (moto-gaps.ts: aws_flow_log to S3 across accounts): not applied here.
    expect(seen.flowLogs).toEqual([{ type: "cloud-watch-logs", destination: expect.stringContaining(`log-group:/orgplat/vpc-flow-logs/dev-${REGION}`) }]);
    expect(runner.excludedAddresses(stack(FLOW_LOGS))).toEqual([expect.stringMatching(/^aws_flow_log\.flow-logs_archive-flow-log_/)]);
  });

  it(
    "plans new days of the security tier as an in-place retention update of the flow-log group, nothing else",
    () => {
      const input = exampleOrgInput();
      input.environments.dev.observability = { logRetention: { security: 90 } };
      synth(resolveOrg(input, "example org, dev security tier 90 days (e2e)"));
      try {
        const network = stack(FLOW_LOGS);
        runner.init(network);
        runner.ok(network, ["plan", "-input=false", "-no-color", "-out=tier.tfplan", ...runner.targetArgs(network)]);
        const plan = JSON.parse(runner.ok(network, ["show", "-json", "tier.tfplan"]).stdout) as { resource_changes?: PlannedChange[] };
        const changes = (plan.resource_changes ?? []).filter((c) => !c.change.actions.every((a) => a === "no-op" || a === "read"));
        // Nothing is created, destroyed or replaced: the group's retention changes in place, and the delivery role's
        // policy (it names the group's ARN, read again after the group's update) is re-put with the same statements.
        expect(changes.map((c) => ({ type: c.type, actions: c.change.actions })).sort((x, y) => x.type.localeCompare(y.type))).toEqual([
          { type: "aws_cloudwatch_log_group", actions: ["update"] },
          { type: "aws_iam_role_policy", actions: ["update"] },
        ]);
        const group = changes.find((c) => c.type === "aws_cloudwatch_log_group")!;
        expect([group.change.before?.retention_in_days, group.change.after?.retention_in_days]).toEqual([30, 90]);
      } finally {
        synth(org);
        runner.init(stack(FLOW_LOGS));
      }
    },
    10 * 60_000,
  );

  it(
    "destroys in reverse order; only what refuses destroy (log group, keys, bucket) is dropped from state first",
    () => {
      for (const name of [...ORDER].reverse()) {
        const retired = runner.destroy(stack(name));
        expect({ name, retired: retired.sort() }).toEqual({ name, retired: runner.protectedAddresses(stack(name)).sort() });
        expect({ name, left: runner.run(stack(name), ["state", "list"]).stdout.trim() }).toEqual({ name, left: "" });
      }
    },
    20 * 60_000,
  );
});
