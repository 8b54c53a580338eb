import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Testing } from "cdktf";
import { FlowLogs } from "../../../modules/network/flow-logs";
import { resourcesOf } from "../../support/synth";

describe("FlowLogs", () => {
  const json = JSON.parse(
    Testing.synthScope((scope) => {
      const vpc = new Vpc(scope, "vpc", { cidrBlock: "10.0.0.0/16" });
      new FlowLogs(scope, "flow-logs", { vpc, accountId: "222222222222", region: "eu-west-1", retentionDays: 365, name: "prod-eu-west-1" });
    }),
  );
  const documents = json.data.aws_iam_policy_document as Record<string, { statement: Record<string, unknown>[] }>;
  const doc = (part: string) => Object.entries(documents).find(([k]) => k.includes(part))![1].statement;

  it("logs all traffic of the VPC into its own log group with the configured retention", () => {
    expect(resourcesOf(json, "aws_cloudwatch_log_group")).toEqual([{ name: "/orgplat/vpc-flow-logs/prod-eu-west-1", retention_in_days: 365 }]);
    expect(resourcesOf(json, "aws_flow_log")[0]).toMatchObject({
      traffic_type: "ALL",
      log_destination_type: "cloud-watch-logs",
      vpc_id: "${aws_vpc.vpc.id}",
      log_destination: expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.flow-logs_log-group_\w+\.arn\}$/),
    });
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
