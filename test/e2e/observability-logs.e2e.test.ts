import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadOrg, resolveOrg } from "../../environments/load";
import type { OrgModel } from "../../environments/model";
import { synthesizeOrg } from "../../stacks/synthesize";
import { startMoto, type Moto } from "../support/moto";
import { StackRunner } from "../support/stack-runner";
import { readSynthesized, type SynthesizedStack } from "../support/synthesized";
import { writeCliConfig } from "../support/terraform";
import { exampleOrgInput } from "../support/synth";
import { describeWithTooling } from "../support/tooling";

/**
 * The log side of observability on moto_server: the log-archive account's flow-log bucket and key
 * (shared-us-east-1-log-archive), then the smallest real stack with tiered, keyed log groups and
 * flow logs to both destinations: dev-us-east-1-network (after the transit stack it reads). Each is
 * applied as the deploy role, re-planned with no changes, and destroyed.
 */
const REGION = "us-east-1";
const ARCHIVE = `shared-${REGION}-log-archive`;
const NETWORK = `dev-${REGION}-network`;
const ORDER = ["bootstrap-log-archive", "bootstrap-network", ARCHIVE, `shared-${REGION}-transit`, NETWORK];

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
  "flowLogs": sorted([{"type": f["LogDestinationType"], "destination": f.get("LogGroupName") if f["LogDestinationType"] == "cloud-watch-logs" else f.get("LogDestination")} for f in flows], key=lambda f: f["type"]),
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
    synthesizeOrg(model, { emulatorEndpoint: moto.endpoint, purpose: "deploy" }, outdir);
    stacks = new Map(readSynthesized(outdir).map((s) => [s.name, s]));
  };

  beforeAll(async () => {
    moto = await startMoto();
    runner = new StackRunner(writeCliConfig(workDir), { env: moto.env });
    synth(org);
  }, 120_000);

  afterAll(async () => {
    await moto?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it("applies the archive, the transit and the network stack, each re-planning with no changes", () => {
    for (const name of ORDER) {
      runner.init(stack(name));
      runner.apply(stack(name));
      expect({ name, changes: runner.unexpectedChanges(stack(name)) }).toEqual({ name, changes: [] });
    }
  }, 25 * 60_000);

  it("keeps the archive bucket and its key in the log-archive account, the bucket encrypted with that key", () => {
    const state = runner.ok(stack(ARCHIVE), ["state", "list"]).stdout;
    expect(state).toMatch(/aws_s3_bucket\.flow-logs_bucket_/);
    expect(state).toMatch(/aws_kms_key\.flow-logs_key_/);
    expect(state).toMatch(/aws_s3_bucket_server_side_encryption_configuration\.flow-logs_encryption_/);
  });

  it("creates the flow-log group with the security tier's days under the stack's own key, and flow logs to it and to the archive bucket", () => {
    const seen = describe(org.networkAccount.id);
    const env = org.environments.find((e) => e.name === "dev")!;
    expect(seen.logGroups).toEqual([
      { name: `/orgplat/vpc-flow-logs/dev-${REGION}`, retentionInDays: env.logRetention.security, kmsKeyId: expect.stringMatching(new RegExp(`^arn:aws:kms:${REGION}:${org.networkAccount.id}:key/`)) },
    ]);
    expect(seen.flowLogs).toEqual([
      { type: "cloud-watch-logs", destination: `/orgplat/vpc-flow-logs/dev-${REGION}` },
      { type: "s3", destination: `arn:aws:s3:::example-flow-logs-444444444444-${REGION}/dev` },
    ]);
  });

  it("plans new days of the security tier as an in-place retention update of the flow-log group, nothing else", () => {
    const input = exampleOrgInput();
    input.environments.dev.observability = { logRetention: { security: 90 } };
    synth(resolveOrg(input, "example org, dev security tier 90 days (e2e)"));
    try {
      const network = stack(NETWORK);
      runner.init(network);
      runner.ok(network, ["plan", "-input=false", "-no-color", "-out=tier.tfplan", ...runner.targetArgs(network)]);
      const plan = JSON.parse(runner.ok(network, ["show", "-json", "tier.tfplan"]).stdout) as { resource_changes?: PlannedChange[] };
      const changes = (plan.resource_changes ?? []).filter((c) => !c.change.actions.every((a) => a === "no-op" || a === "read"));
      expect(changes.map((c) => ({ type: c.type, actions: c.change.actions }))).toEqual([{ type: "aws_cloudwatch_log_group", actions: ["update"] }]);
      expect([changes[0].change.before?.retention_in_days, changes[0].change.after?.retention_in_days]).toEqual([30, 90]);
    } finally {
      synth(org);
      runner.init(stack(NETWORK));
    }
  }, 10 * 60_000);

  it("destroys in reverse order; only what refuses destroy (log groups, keys, buckets) is dropped from state first", () => {
    for (const name of [...ORDER].reverse()) {
      const retired = runner.destroy(stack(name));
      expect({ name, retired: retired.sort() }).toEqual({ name, retired: runner.protectedAddresses(stack(name)).sort() });
      expect({ name, left: runner.run(stack(name), ["state", "list"]).stdout.trim() }).toEqual({ name, left: "" });
    }
  }, 20 * 60_000);
});
