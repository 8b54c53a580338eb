import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Testing } from "cdktf";
import { FlowLogs } from "../../../modules/network/flow-logs";
import { LogGroupKey } from "../../../modules/observability/log-group-key";
import { resourcesOf } from "../../support/synth";

describe("FlowLogs", () => {
  const json = JSON.parse(
    Testing.synthScope((scope) => {
      const vpc = new Vpc(scope, "vpc", { cidrBlock: "10.0.0.0/16" });
      const key = new LogGroupKey(scope, "log-key", {
        name: "prod-eu-west-1-network",
        accountId: "222222222222",
        region: "eu-west-1",
        roles: { administrators: [], planner: "arn:aws:iam::222222222222:role/orgplat-plan" },
      });
      new FlowLogs(scope, "flow-logs", {
        vpc,
        accountId: "222222222222",
        region: "eu-west-1",
        retentionDays: { security: 365, application: 90, debug: 7 },
        key: key.key,
        archiveDestination: "arn:aws:s3:::example-flow-logs-444444444444-eu-west-1/prod",
        name: "prod-eu-west-1",
      });
    }),
  );
  const documents = json.data.aws_iam_policy_document as Record<string, { statement: Record<string, unknown>[] }>;
  const doc = (part: string) => Object.entries(documents).find(([k]) => k.includes(part))![1].statement;

  it("logs all traffic of the VPC into its own security-tier log group, encrypted with the account's log key and refusing destroy", () => {
    expect(resourcesOf(json, "aws_cloudwatch_log_group")).toEqual([
      {
        name: "/orgplat/vpc-flow-logs/prod-eu-west-1",
        retention_in_days: 365,
        kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\.log-key_\w+\.arn\}$/),
        tags: { LogTier: "security" },
        lifecycle: { prevent_destroy: true },
      },
    ]);
    expect(resourcesOf(json, "aws_flow_log").find((f) => f.log_destination_type === "cloud-watch-logs")).toMatchObject({
      traffic_type: "ALL",
      vpc_id: "${aws_vpc.vpc.id}",
      log_destination: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.flow-logs_log-group_\w+\.arn\}$/),
    });
  });

  it("delivers a second copy of every record to the log-archive bucket, without a role of this account", () => {
    const archive = resourcesOf(json, "aws_flow_log").find((f) => f.log_destination_type === "s3");
    expect(archive).toMatchObject({
      traffic_type: "ALL",
      vpc_id: "${aws_vpc.vpc.id}",
      log_destination: "arn:aws:s3:::example-flow-logs-444444444444-eu-west-1/prod",
    });
    expect(archive).not.toHaveProperty("iam_role_arn");
  });

  it("lets only this account's flow-logs service in this region assume the delivery role", () => {
    expect(doc("trust")).toEqual([
      {
        effect: "Allow",
        actions: ["sts:AssumeRole"],
        principals: [{ type: "Service", identifiers: ["vpc-flow-logs.amazonaws.com"] }],
        condition: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: ["222222222222"] },
          { test: "ArnLike", variable: "aws:SourceArn", values: ["arn:aws:ec2:eu-west-1:222222222222:vpc-flow-log/*"] },
        ],
      },
    ]);
  });

  it("lets the role write only into its own log group, with named actions", () => {
    const [write, describeGroups] = doc("delivery");
    expect(write.actions).toEqual(["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]);
    expect(write.resources).toEqual([expect.stringMatching(/log-group_\w+\.arn\}$/), expect.stringMatching(/log-group_\w+\.arn\}:log-stream:\*$/)]);
    expect(describeGroups).toMatchObject({ actions: ["logs:DescribeLogGroups"], resources: ["arn:aws:logs:eu-west-1:222222222222:log-group:*"] });
  });
});
