import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { Testing } from "cdktf";
import { BatchRoles, batchServiceLinkedRoleArn } from "../../../modules/batch/batch-roles";
import { resourcesOf, type StackJson } from "../../support/synth";

type Statement = {
  effect: string;
  actions: string[];
  resources: string[];
  principals?: { identifiers: string[] }[];
  condition?: { variable: string; values: string[] }[];
};

describe("BatchRoles", () => {
  const json = JSON.parse(
    Testing.synthScope((scope) => {
      const jobLogGroup = new CloudwatchLogGroup(scope, "logs", { name: "/orgplat/batch/dev-us-east-1" });
      new BatchRoles(scope, "roles", { accountId: "555555555555", region: "us-east-1", namePrefix: "dev-us-east-1", jobLogGroup });
    }),
  ) as StackJson;
  const documents = json.data?.aws_iam_policy_document ?? {};
  const documentNamed = (prefix: string): Statement[] => Object.entries(documents).find(([name]) => name.startsWith(prefix))![1].statement as Statement[];

  it("leaves compute environments on Batch's service-linked role, named explicitly only where an emulator requires a service role", () => {
    Testing.synthScope((scope) => {
      const jobLogGroup = new CloudwatchLogGroup(scope, "logs", { name: "/orgplat/batch/dev-us-east-1" });
      const props = { accountId: "555555555555", region: "us-east-1", namePrefix: "dev-us-east-1", jobLogGroup };
      expect(new BatchRoles(scope, "aws", props).computeEnvironmentServiceRole).toBeUndefined();
      expect(new BatchRoles(scope, "emulator", { ...props, nameServiceLinkedRole: true }).computeEnvironmentServiceRole).toBe(
        "arn:aws:iam::555555555555:role/aws-service-role/batch.amazonaws.com/AWSServiceRoleForBatch",
      );
    });
    expect(batchServiceLinkedRoleArn("777777777777", "aws")).toMatch(/^arn:aws:iam::777777777777:role\/aws-service-role\/batch\.amazonaws\.com\//);
  });

  it("names the three roles per environment and region (IAM names are global)", () => {
    expect(
      resourcesOf(json, "aws_iam_role")
        .map((r) => r.name)
        .sort(),
    ).toEqual(["dev-us-east-1-batch-instance", "dev-us-east-1-batch-job", "dev-us-east-1-batch-service"]);
    expect(resourcesOf(json, "aws_iam_instance_profile")).toEqual([expect.objectContaining({ name: "dev-us-east-1-batch-instance" })]);
  });

  it("lets only Batch of this account assume the service role, which carries the AWS-managed Batch policy", () => {
    expect(documentNamed("roles_service-trust")).toEqual([
      expect.objectContaining({
        principals: [expect.objectContaining({ identifiers: ["batch.amazonaws.com"] })],
        condition: [expect.objectContaining({ variable: "aws:SourceAccount", values: ["555555555555"] })],
      }),
    ]);
    expect(resourcesOf(json, "aws_iam_role_policy_attachment")).toEqual([
      expect.objectContaining({ policy_arn: "arn:aws:iam::aws:policy/service-role/AWSBatchServiceRole" }),
    ]);
  });

  it("gives jobs a role only ECS tasks of this account may assume, with no permissions of its own", () => {
    expect(documentNamed("roles_job-trust")).toEqual([
      expect.objectContaining({
        principals: [expect.objectContaining({ identifiers: ["ecs-tasks.amazonaws.com"] })],
        condition: [expect.objectContaining({ variable: "aws:SourceAccount", values: ["555555555555"] })],
      }),
    ]);
    const policies = resourcesOf(json, "aws_iam_role_policy");
    expect(policies).toHaveLength(1);
    expect(policies[0].role).toMatch(/roles_instance_/);
  });

  it("names every action of the container agent: no wildcard, logs only into the deployment's group", () => {
    const agent = documentNamed("roles_agent");
    const actions = agent.flatMap((s) => s.actions);
    expect(actions.filter((a) => a.includes("*"))).toEqual([]);
    expect(actions).toEqual(
      expect.arrayContaining(["ecs:RegisterContainerInstance", "ecs:Poll", "ecs:SubmitTaskStateChange", "ecr:BatchGetImage", "logs:PutLogEvents"]),
    );
    const logs = agent.find((s) => s.actions.includes("logs:PutLogEvents"))!;
    expect(logs.resources).toEqual([expect.stringMatching(/^\$\{aws_cloudwatch_log_group\.logs\.arn\}:log-stream:\*$/)]);
    const ecs = agent.find((s) => s.actions.includes("ecs:RegisterContainerInstance"))!;
    expect(ecs.resources).toEqual(["arn:aws:ecs:us-east-1:555555555555:cluster/*", "arn:aws:ecs:us-east-1:555555555555:container-instance/*"]);
  });
});
