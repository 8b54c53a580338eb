import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Fn, TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { loadOrg } from "../../environments/load";
import type { OrgModel } from "../../planning/model";
import { accountAccessPlan } from "../../stacks/account-access-plan";
import { AccountStack, type AccountStackProps } from "../../stacks/account-stack";
import { AlarmsStack } from "../../stacks/alarms-stack";
import { BootstrapStack } from "../../stacks/bootstrap-stack";
import { DashboardStack } from "../../stacks/dashboard-stack";
import { MonitoringSinkStack } from "../../stacks/monitoring-sink-stack";
import { NetworkAlarmsStack } from "../../stacks/network-alarms-stack";
import type { MonitoredNetworkSource, NetworkMonitoredOutputs } from "../../stacks/network-stack";
import { bootstrapLocalStatePath } from "../../stacks/org-app";
import { bootstrapStackName, environmentStackName } from "../../stacks/stack-names";
import { GLOBAL_REGION } from "../../planning/reserved-names";
import { workloadResources } from "../../stacks/watched-resources";
import { startMoto, type Moto } from "../support/moto";
import { resourceAddresses, StackRunner } from "../support/stack-runner";
import { readSynthesized, type SynthesizedStack } from "../support/synthesized";
import { writeCliConfig } from "../support/terraform";
import { describeWithTooling } from "../support/tooling";

/**
 * The dev environment's alarm stacks in us-east-1 applied to moto_server, re-planned, destroyed:
 * the workload account's alarms (Batch, Karpenter, EKS, state bucket) with their EventBridge rules,
 * the network account's (NAT, Transit Gateway attachment), both encrypted topics and keys, and the
 * dashboard in the monitoring account. Composite alarms and the OAM sink and links are declared moto
 * gaps (moto-gaps.ts) and left out with -target.
 *
 * Not real: the NAT gateway and attachment ids. The network stack cannot be applied here (its
 * Transit Gateway attachment is a moto gap), so a stand-in in the network account outputs fixed ids
 * under the network stack's output names; CloudWatch does not check that a dimension's resource exists.
 */

const ENVIRONMENT = "dev";
const REGION = "us-east-1";
const ALARMS = environmentStackName(ENVIRONMENT, REGION, "alarms");
const NETWORK_ALARMS = environmentStackName(ENVIRONMENT, REGION, "net-alarms");
const DASHBOARD = environmentStackName(ENVIRONMENT, GLOBAL_REGION, "dashboard");
const SINK = environmentStackName("shared", REGION, "oam-sink");
const STAND_IN = `e2e-stand-in-${ENVIRONMENT}-${REGION}-network-ids`;
const NAT_AZ_ID = "use1-az1";

/** The network stack's monitored outputs with fixed ids, in the network account. */
class StandInNetworkIds extends AccountStack implements MonitoredNetworkSource {
  public readonly natAzIds = [NAT_AZ_ID];

  constructor(scope: Construct, name: string, props: AccountStackProps) {
    super(scope, name, props);
    new TerraformOutput(this, "nat_gateway_ids", { value: { [NAT_AZ_ID]: "nat-0e2e0e2e0e2e0e2e0" } });
    new TerraformOutput(this, "transit_gateway_id", { value: "tgw-0e2e0e2e0e2e0e2e0" });
    new TerraformOutput(this, "transit_gateway_attachment_id", { value: "tgw-attach-0e2e0e2e0e2e0e2e0" });
  }

  public monitoredOutputsFor(consumer: AccountStack): NetworkMonitoredOutputs {
    const state = consumer.remoteStateOf(this);
    return {
      natGatewayId: (azId) => Fn.lookup(state.get("nat_gateway_ids"), azId) as string,
      transitGatewayId: state.getString("transit_gateway_id"),
      transitGatewayAttachmentId: state.getString("transit_gateway_attachment_id"),
    };
  }
}

function synthAlarms(org: OrgModel, endpoint: string, outdir: string): { bootstraps: string[]; stacks: Map<string, SynthesizedStack> } {
  const env = org.environments.find((e) => e.name === ENVIRONMENT)!;
  const target = { emulatorEndpoint: endpoint, purpose: "deploy" as const };
  const app = new App({ outdir, skipBackendValidation: true });
  const network = new StandInNetworkIds(app, STAND_IN, { org, account: org.networkAccount, region: REGION, environment: ENVIRONMENT, target });
  const sink = new MonitoringSinkStack(app, SINK, { org, target, region: REGION });
  const stacks: AccountStack[] = [
    network,
    sink,
    new AlarmsStack(app, ALARMS, { org, target, region: REGION, environmentModel: env, resources: workloadResources(org, env, REGION), linkTo: sink }),
    new NetworkAlarmsStack(app, NETWORK_ALARMS, { org, target, region: REGION, environmentModel: env, network, linkTo: sink }),
    new DashboardStack(app, DASHBOARD, { org, target, environmentModel: env, networks: [network] }),
  ];
  const accounts = [env.workloadAccounts[0], org.networkAccount, org.monitoringAccount!];
  const bootstraps = accounts.map((account) => {
    const name = bootstrapStackName(account);
    new BootstrapStack(app, name, { org, account, target, localStatePath: bootstrapLocalStatePath(name), access: accountAccessPlan(org, account, stacks) });
    return name;
  });
  app.synth();
  return { bootstraps, stacks: new Map(readSynthesized(outdir).map((s) => [s.name, s])) };
}

const workDir = mkdtempSync(join(tmpdir(), "orgplat-alarms-e2e-"));
const outdir = join(workDir, "cdktf.out");

describeWithTooling({ moto: true })(`${ENVIRONMENT} alarm stacks in ${REGION} applied to moto_server`, () => {
  let moto: Moto;
  let runner: StackRunner;
  let stacks: Map<string, SynthesizedStack>;
  let bootstraps: string[];
  const stack = (name: string): SynthesizedStack => stacks.get(name)!;
  const applied = [STAND_IN, ALARMS, NETWORK_ALARMS, DASHBOARD];
  const stateOf = (name: string): string[] =>
    runner
      .run(stack(name), ["state", "list"])
      .stdout.split("\n")
      .filter((a) => a.startsWith("aws_"));

  beforeAll(async () => {
    moto = await startMoto();
    runner = new StackRunner(writeCliConfig(workDir, "mirror-binary"), { env: moto.env });
    ({ bootstraps, stacks } = synthAlarms(loadOrg(), moto.endpoint, outdir));
    for (const name of bootstraps) {
      runner.init(stack(name));
      runner.apply(stack(name));
    }
  }, 20 * 60_000);

  afterAll(async () => {
    await moto?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it("leaves out only what moto lacks: the OAM sink stack entirely, each link, every composite alarm", () => {
    expect(runner.excludedAddresses(stack(SINK)).sort()).toEqual(resourceAddresses(stack(SINK)).sort());
    for (const name of [ALARMS, NETWORK_ALARMS]) {
      const excluded = runner.excludedAddresses(stack(name)).map((a) => a.split(".")[0]);
      expect([...new Set(excluded)].sort()).toEqual(["aws_cloudwatch_composite_alarm", "aws_oam_link"]);
    }
    expect(runner.excludedAddresses(stack(DASHBOARD))).toEqual([]);
  });

  it(
    "applies the metric and anomaly alarms, the Batch event rules, the encrypted topics and their keys, and the dashboard",
    () => {
      for (const name of applied) {
        runner.init(stack(name));
        runner.apply(stack(name));
      }
      const workload = stateOf(ALARMS);
      const network = stateOf(NETWORK_ALARMS);
      const count = (addresses: string[], type: string) => addresses.filter((a) => a.startsWith(`${type}.`)).length;
      // Batch: 2 queues × (failed, backlog); Karpenter depth and age; EKS API errors; state bucket 4xx and 5xx.
      expect(count(workload, "aws_cloudwatch_metric_alarm")).toBe(9);
      expect(count(workload, "aws_cloudwatch_event_rule")).toBe(6);
      // dev's single NAT gateway: port allocation, drops, traffic anomaly; the attachment: 2 drop kinds and its traffic anomaly.
      expect(count(network, "aws_cloudwatch_metric_alarm")).toBe(6);
      expect(network.filter((a) => a.includes("anomaly"))).toHaveLength(2);
      for (const addresses of [workload, network]) {
        expect(count(addresses, "aws_sns_topic")).toBe(1);
        expect(count(addresses, "aws_kms_key")).toBe(1);
        expect(count(addresses, "aws_sns_topic_policy")).toBe(1);
      }
      expect(stateOf(DASHBOARD)).toHaveLength(1);
    },
    20 * 60_000,
  );

  it(
    "re-plans every applied stack with no changes",
    () => {
      for (const name of applied) expect({ name, changes: runner.unexpectedChanges(stack(name)) }).toEqual({ name, changes: [] });
    },
    20 * 60_000,
  );

  it(
    // The stand-in network and the state buckets are fixtures: moto_server is stopped with them.
    "destroys the alarm stacks and the dashboard (the topic keys dropped from state first)",
    () => {
      for (const name of [...applied].reverse().filter((n) => n !== STAND_IN)) {
        runner.destroy(stack(name));
        expect({ name, left: runner.run(stack(name), ["state", "list"]).stdout.trim() }).toEqual({ name, left: "" });
      }
    },
    20 * 60_000,
  );
});
