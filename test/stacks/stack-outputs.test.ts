import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { App, Testing, type TerraformStack } from "cdktf";
import { AccountStack } from "../../stacks/account-stack";
import {
  BATCH_OUTPUTS,
  BOOTSTRAP_OUTPUTS,
  EKS_CLUSTER_OUTPUTS,
  LOG_ARCHIVE_OUTPUTS,
  MONITORING_SINK_OUTPUTS,
  NETWORK_OUTPUTS,
  OUTPUT_CONTRACTS,
  TRANSIT_OUTPUTS,
} from "../../stacks/output-contracts";
import { readOutputs, writeOutputs, type OutputContract } from "../../stacks/stack-outputs";
import { buildTestOrg, exampleOrgModel, synthStack } from "../support/synth";

const BLUE_GREEN_LEDGER_OUTPUT = "batch_colours";

const CONTRACT = {
  vpcId: { name: "vpc_id", type: "string" },
  note: { name: "note", type: "string", description: "An optional note" },
  subnetId: { name: "subnet_ids", type: "map(map(string))", description: "Subnet id by tier, then by AZ ID" },
} as const satisfies OutputContract;

describe("stack output contracts", () => {
  const org = exampleOrgModel();
  const stackIn = (app: App, name: string) =>
    new AccountStack(app, name, { org, account: org.networkAccount, region: "us-east-1", environment: "dev", target: {} });

  it("writes each declared output under its name with its description, and leaves out an undefined one", () => {
    const app = Testing.app();
    const producer = stackIn(app, "producer");
    const vpc = new Vpc(producer, "vpc", { cidrBlock: "10.0.0.0/16" });
    writeOutputs(producer, CONTRACT, { vpcId: vpc.id, note: undefined, subnetId: { private: { "use1-az1": "subnet-1" } } });
    const outputs = synthStack(producer).json.output ?? {};
    expect(Object.keys(outputs).sort()).toEqual(["subnet_ids", "vpc_id"]);
    expect(outputs.vpc_id).toEqual({ value: "${aws_vpc.vpc.id}" });
    expect(outputs.subnet_ids).toEqual({ value: { private: { "use1-az1": "subnet-1" } }, description: "Subnet id by tier, then by AZ ID" });
  });

  it("reads them back in a consumer through the producer's remote state, a map by key", () => {
    const app = Testing.app();
    const producer = stackIn(app, "producer");
    const consumer = stackIn(app, "consumer");
    const outputs = readOutputs(CONTRACT, consumer.remoteStateOf(producer));
    new Subnet(consumer, "subnet", {
      vpcId: outputs.vpcId,
      cidrBlock: "10.0.0.0/24",
      availabilityZoneId: "use1-az1",
      tags: { twin: outputs.subnetId("private", "use1-az1") },
    });
    const subnet = Object.values(JSON.parse(Testing.synth(consumer)).resource.aws_subnet)[0] as Record<string, unknown>;
    expect(subnet.vpc_id).toBe("${data.terraform_remote_state.state-of-producer.outputs.vpc_id}");
    expect(subnet.tags).toEqual({ twin: '${data.terraform_remote_state.state-of-producer.outputs.subnet_ids.private["use1-az1"]}' });
  });

  describe("of the example org", () => {
    const stacks = buildTestOrg(org);
    const outputsOf = (stack: TerraformStack) => synthStack(stack).json.output ?? {};
    const cases: [string, readonly TerraformStack[], OutputContract][] = [
      ["bootstrap", stacks.bootstrap, BOOTSTRAP_OUTPUTS],
      ["transit", stacks.transit, TRANSIT_OUTPUTS],
      ["network", stacks.network, NETWORK_OUTPUTS],
      ["EKS cluster", stacks.eksClusters, EKS_CLUSTER_OUTPUTS],
      ["Batch", stacks.batch, BATCH_OUTPUTS],
      ["OAM sink", stacks.monitoringSinks, MONITORING_SINK_OUTPUTS],
      ["log archive", stacks.logArchive, LOG_ARCHIVE_OUTPUTS],
    ];

    it.each(cases)("every %s stack writes only the outputs its contract declares, with the declared descriptions", (_kind, producers, contract) => {
      expect(producers.length).toBeGreaterThan(0);
      const declared = new Map(Object.values(contract).map((spec) => [spec.name, spec]));
      for (const stack of producers) {
        const outputs = outputsOf(stack) as Record<string, { description?: string }>;
        // The colour ledger is BlueGreenCompute's own: the construct writes it and reads it back on the next apply.
        delete outputs[BLUE_GREEN_LEDGER_OUTPUT];
        expect(Object.keys(outputs).length).toBeGreaterThan(0);
        for (const [name, output] of Object.entries(outputs)) {
          expect(declared.has(name)).toBe(true);
          expect(output.description).toBe(declared.get(name)!.description);
        }
      }
    });
  });

  it("lists every contract once for the docs, each output name once per producer", () => {
    expect(OUTPUT_CONTRACTS.map((c) => c.outputs)).toEqual([
      BOOTSTRAP_OUTPUTS,
      TRANSIT_OUTPUTS,
      NETWORK_OUTPUTS,
      EKS_CLUSTER_OUTPUTS,
      BATCH_OUTPUTS,
      MONITORING_SINK_OUTPUTS,
      LOG_ARCHIVE_OUTPUTS,
    ]);
    for (const { outputs } of OUTPUT_CONTRACTS) {
      const names = Object.values(outputs).map((spec) => spec.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});
