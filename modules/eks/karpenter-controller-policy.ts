import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { Construct } from "constructs";
import { regionalArn } from "../../planning/partition";

export interface KarpenterControllerPolicyProps {
  readonly clusterName: string;
  readonly clusterArn: string;
  readonly region: string;
  /** The cluster's account (instances, volumes, launch templates, security groups live here). */
  readonly accountId: string;
  /** The network account that owns the shared subnets (their ARNs carry its id). */
  readonly subnetOwnerAccountId: string;
  /** The shared subnets nodes may be launched in. */
  readonly subnetIds: readonly string[];
  /** The security group nodes may be launched with. */
  readonly nodeSecurityGroupId: string;
  readonly nodeRoleArn: string;
  readonly nodeInstanceProfileArn: string;
  readonly interruptionQueueArn: string;
}

/**
 * Least privilege for the Karpenter controller, after Karpenter's reference policy (v1.12) and
 * narrower where the product knows more: instances only in this cluster's shared subnets with its
 * node security group, create/tag/terminate only what carries this cluster's tags, PassRole on the
 * node role alone, and no instance-profile management (the profile is made here, not by Karpenter).
 */
export class KarpenterControllerPolicy extends Construct {
  public readonly policy: IamPolicy;
  public readonly document: DataAwsIamPolicyDocument;

  constructor(scope: Construct, id: string, props: KarpenterControllerPolicyProps) {
    super(scope, id);
    this.document = new DataAwsIamPolicyDocument(this, "document", { statement: karpenterControllerStatements(props) });
    this.policy = new IamPolicy(this, "policy", {
      name: `${props.clusterName}-karpenter-controller`,
      description: `Karpenter controller of EKS ${props.clusterName}`,
      policy: this.document.json,
    });
  }
}

/** The statements, apart from the construct so tests can read them as data. */
export function karpenterControllerStatements(props: KarpenterControllerPolicyProps): DataAwsIamPolicyDocumentStatement[] {
  const ec2 = (type: string, account = props.accountId): string => regionalArn(props.region, "ec2", account, type);
  const clusterTag = `aws:ResourceTag/kubernetes.io/cluster/${props.clusterName}`;
  const requestClusterTag = `aws:RequestTag/kubernetes.io/cluster/${props.clusterName}`;
  const created = ["fleet/*", "instance/*", "volume/*", "network-interface/*", "launch-template/*", "spot-instances-request/*"].map((t) => ec2(t));
  const ownedByCluster = [
    { test: "StringEquals", variable: clusterTag, values: ["owned"] },
    { test: "StringLike", variable: "aws:ResourceTag/karpenter.sh/nodepool", values: ["*"] },
  ];
  const taggedForCluster = [
    { test: "StringEquals", variable: requestClusterTag, values: ["owned"] },
    { test: "StringEquals", variable: "aws:RequestTag/eks:eks-cluster-name", values: [props.clusterName] },
    { test: "StringLike", variable: "aws:RequestTag/karpenter.sh/nodepool", values: ["*"] },
  ];
  return [
    {
      sid: "LaunchIntoClusterSubnetsAndGroup",
      effect: "Allow",
      actions: ["ec2:RunInstances", "ec2:CreateFleet"],
      resources: [
        ec2("image/*", ""),
        ec2("snapshot/*", ""),
        ec2(`security-group/${props.nodeSecurityGroupId}`),
        ...props.subnetIds.map((id) => ec2(`subnet/${id}`, props.subnetOwnerAccountId)),
        ec2("capacity-reservation/*"),
        ec2("placement-group/*"),
      ],
    },
    {
      sid: "UseOwnLaunchTemplates",
      effect: "Allow",
      actions: ["ec2:RunInstances", "ec2:CreateFleet"],
      resources: [ec2("launch-template/*")],
      condition: ownedByCluster,
    },
    {
      sid: "CreateTaggedForCluster",
      effect: "Allow",
      actions: ["ec2:RunInstances", "ec2:CreateFleet", "ec2:CreateLaunchTemplate"],
      resources: created,
      condition: taggedForCluster,
    },
    {
      sid: "TagOnCreate",
      effect: "Allow",
      actions: ["ec2:CreateTags"],
      resources: created,
      condition: [...taggedForCluster, { test: "StringEquals", variable: "ec2:CreateAction", values: ["RunInstances", "CreateFleet", "CreateLaunchTemplate"] }],
    },
    {
      sid: "TagOwnInstances",
      effect: "Allow",
      actions: ["ec2:CreateTags"],
      resources: [ec2("instance/*")],
      condition: [
        ...ownedByCluster,
        { test: "StringEqualsIfExists", variable: "aws:RequestTag/eks:eks-cluster-name", values: [props.clusterName] },
        { test: "ForAllValues:StringEquals", variable: "aws:TagKeys", values: ["eks:eks-cluster-name", "karpenter.sh/nodeclaim", "Name"] },
      ],
    },
    {
      sid: "TerminateOwnOnly",
      effect: "Allow",
      actions: ["ec2:TerminateInstances", "ec2:DeleteLaunchTemplate"],
      resources: [ec2("instance/*"), ec2("launch-template/*")],
      condition: ownedByCluster,
    },
    {
      sid: "RegionalReads",
      effect: "Allow",
      actions: [
        "ec2:DescribeCapacityReservations",
        "ec2:DescribeImages",
        "ec2:DescribeInstances",
        // Karpenter 1.12+: instance-status health checks silently stop without it.
        "ec2:DescribeInstanceStatus",
        "ec2:DescribeInstanceTypeOfferings",
        "ec2:DescribeInstanceTypes",
        "ec2:DescribeLaunchTemplates",
        "ec2:DescribePlacementGroups",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSpotPriceHistory",
        "ec2:DescribeSubnets",
      ],
      // Describe calls take no resource ARNs; the region condition is the scope.
      resources: ["*"],
      condition: [{ test: "StringEquals", variable: "aws:RequestedRegion", values: [props.region] }],
    },
    { sid: "AmiParameters", effect: "Allow", actions: ["ssm:GetParameter"], resources: [regionalArn(props.region, "ssm", "", "parameter/aws/service/*")] },
    { sid: "Pricing", effect: "Allow", actions: ["pricing:GetProducts"], resources: ["*"] },
    {
      sid: "InterruptionQueue",
      effect: "Allow",
      actions: ["sqs:DeleteMessage", "sqs:GetQueueUrl", "sqs:ReceiveMessage"],
      resources: [props.interruptionQueueArn],
    },
    {
      sid: "PassNodeRoleOnly",
      effect: "Allow",
      actions: ["iam:PassRole"],
      resources: [props.nodeRoleArn],
      condition: [{ test: "StringEquals", variable: "iam:PassedToService", values: ["ec2.amazonaws.com"] }],
    },
    { sid: "ReadNodeInstanceProfile", effect: "Allow", actions: ["iam:GetInstanceProfile"], resources: [props.nodeInstanceProfileArn] },
    // Karpenter's instance-profile garbage collector lists profiles even when it manages none.
    { sid: "ListInstanceProfiles", effect: "Allow", actions: ["iam:ListInstanceProfiles"], resources: ["*"] },
    { sid: "DescribeThisCluster", effect: "Allow", actions: ["eks:DescribeCluster"], resources: [props.clusterArn] },
  ];
}
