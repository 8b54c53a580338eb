import { resolveOrg } from "../../environments/load";
import { buildTestOrg, exampleOrgInput, exampleOrgModel, resourcesOf, synthStack } from "../support/synth";

describe("the log-archive stacks", () => {
  const org = exampleOrgModel();
  const stacks = buildTestOrg(org);

  it("has one per region with a VPC, named shared-<region>-archive, in the log-archive account", () => {
    expect(stacks.logArchive.map((s) => s.node.id)).toEqual(Object.keys(org.regions).map((r) => `shared-${r}-archive`));
    for (const stack of stacks.logArchive) {
      const { json } = synthStack(stack);
      expect(json.provider?.aws[0]).toMatchObject({ region: stack.region, allowed_account_ids: ["444444444444"] });
      expect(resourcesOf(json, "aws_s3_bucket")).toEqual([expect.objectContaining({ bucket: `example-flow-logs-444444444444-${stack.region}` })]);
    }
  });

  it("accepts delivery from the network account only, and keeps records for the org's security tier", () => {
    const { json } = synthStack(stacks.logArchive[0]);
    const policy = Object.entries(json.data!.aws_iam_policy_document).find(([k]) => k.includes("bucket-policy"))![1].statement as {
      sid: string;
      condition?: { variable: string; values: string[] }[];
    }[];
    const write = policy.find((s) => s.sid === "FlowLogDeliveryWrite")!;
    expect(write.condition).toEqual(expect.arrayContaining([expect.objectContaining({ variable: "aws:SourceAccount", values: [org.networkAccount.id] })]));
    expect(resourcesOf(json, "aws_s3_bucket_lifecycle_configuration")[0].rule).toEqual([
      expect.objectContaining({ expiration: [{ days: org.logRetention.security }] }),
    ]);
  });

  it("is left out when the org has no log-archive account, and the flow logs then stay in CloudWatch only", () => {
    const input = exampleOrgInput();
    input.accounts = input.accounts.filter((a) => a.role !== "log-archive");
    const withoutArchive = buildTestOrg(resolveOrg(input, "example org without log-archive (test)"));
    expect(withoutArchive.logArchive).toEqual([]);
    const flowLogs = resourcesOf(synthStack(withoutArchive.network[0]).json, "aws_flow_log");
    expect(flowLogs.map((f) => f.log_destination_type)).toEqual(["cloud-watch-logs"]);
  });
});
