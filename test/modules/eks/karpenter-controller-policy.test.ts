import { karpenterControllerStatements, type KarpenterControllerPolicyProps } from "../../../modules/eks/karpenter-controller-policy";

const props: KarpenterControllerPolicyProps = {
  clusterName: "dev-us-east-1",
  clusterArn: "arn:aws:eks:us-east-1:555555555555:cluster/dev-us-east-1",
  region: "us-east-1",
  accountId: "555555555555",
  subnetOwnerAccountId: "222222222222",
  subnetIds: ["subnet-0aaa", "subnet-0bbb"],
  nodeSecurityGroupId: "sg-0nodes",
  nodeRoleArn: "arn:aws:iam::555555555555:role/dev-us-east-1-karpenter-node",
  nodeInstanceProfileArn: "arn:aws:iam::555555555555:instance-profile/dev-us-east-1-karpenter-node",
  interruptionQueueArn: "arn:aws:sqs:us-east-1:555555555555:dev-us-east-1-karpenter",
};
const statements = karpenterControllerStatements(props);
const bySid = (sid: string) => statements.find((s) => s.sid === sid)!;
const statementsWith = (action: string) => statements.filter((s) => s.actions!.includes(action));

describe("the Karpenter controller policy", () => {
  it('allows only named actions: no "*" and no "service:*"', () => {
    const actions = statements.flatMap((s) => s.actions!);
    expect(statements.every((s) => s.effect === "Allow")).toBe(true);
    expect(actions.filter((a) => a === "*" || a.endsWith(":*"))).toEqual([]);
  });

  it("launches only into the cluster's shared subnets (owned by the network account) with the node security group", () => {
    expect(bySid("LaunchIntoClusterSubnetsAndGroup").resources).toEqual(
      expect.arrayContaining([
        "arn:aws:ec2:us-east-1:222222222222:subnet/subnet-0aaa",
        "arn:aws:ec2:us-east-1:222222222222:subnet/subnet-0bbb",
        "arn:aws:ec2:us-east-1:555555555555:security-group/sg-0nodes",
      ]),
    );
    expect(bySid("LaunchIntoClusterSubnetsAndGroup").resources!.filter((r) => /subnet|security-group/.test(r) && r.endsWith("*"))).toEqual([]);
  });

  it("creates instances, fleets and launch templates only when they carry this cluster's tags", () => {
    expect(bySid("CreateTaggedForCluster").condition).toEqual(
      expect.arrayContaining([
        { test: "StringEquals", variable: "aws:RequestTag/kubernetes.io/cluster/dev-us-east-1", values: ["owned"] },
        { test: "StringEquals", variable: "aws:RequestTag/eks:eks-cluster-name", values: ["dev-us-east-1"] },
      ]),
    );
  });

  it("terminates only instances this cluster's NodePools own", () => {
    const terminate = statementsWith("ec2:TerminateInstances");
    expect(terminate).toHaveLength(1);
    expect(terminate[0].condition).toEqual([
      { test: "StringEquals", variable: "aws:ResourceTag/kubernetes.io/cluster/dev-us-east-1", values: ["owned"] },
      { test: "StringLike", variable: "aws:ResourceTag/karpenter.sh/nodepool", values: ["*"] },
    ]);
  });

  it("passes the node role and nothing else, to EC2 only", () => {
    const passRole = statementsWith("iam:PassRole");
    expect(passRole).toEqual([
      expect.objectContaining({
        resources: [props.nodeRoleArn],
        condition: [{ test: "StringEquals", variable: "iam:PassedToService", values: ["ec2.amazonaws.com"] }],
      }),
    ]);
  });

  it("reads and deletes messages of its own interruption queue only", () => {
    expect(statements.filter((s) => s.actions!.some((a) => a.startsWith("sqs:")))).toEqual([
      expect.objectContaining({ actions: ["sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage"], resources: [props.interruptionQueueArn] }),
    ]);
  });

  it("describes this cluster only", () => {
    expect(statementsWith("eks:DescribeCluster")).toEqual([expect.objectContaining({ resources: [props.clusterArn] })]);
  });

  it("reads AMI parameters and prices, and scopes Describe calls to its region", () => {
    expect(bySid("AmiParameters")).toMatchObject({ actions: ["ssm:GetParameter"], resources: ["arn:aws:ssm:us-east-1::parameter/aws/service/*"] });
    expect(bySid("Pricing").actions).toEqual(["pricing:GetProducts"]);
    expect(bySid("RegionalReads").condition).toEqual([{ test: "StringEquals", variable: "aws:RequestedRegion", values: ["us-east-1"] }]);
  });

  it("reads instance status (Karpenter 1.12's health checks turn off silently without it), in its region", () => {
    expect(bySid("RegionalReads").actions).toContain("ec2:DescribeInstanceStatus");
  });

  it("cannot create, change or delete instance profiles (the cluster stack makes the one it uses)", () => {
    const iamActions = statements.flatMap((s) => s.actions!).filter((a) => a.startsWith("iam:"));
    expect(iamActions.sort()).toEqual(["iam:GetInstanceProfile", "iam:ListInstanceProfiles", "iam:PassRole"]);
  });
});
