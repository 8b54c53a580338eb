import { actionsMatching } from "../guardrails/iam-actions";

/**
 * What the plan and deploy roles may do, per AWS service the stacks use. The services come from
 * the synthesized resource types of an account's stacks (`servicesOfResourceTypes`), so a role
 * grows only when a stack starts using a new service, and a type nobody mapped stops the synth.
 *
 * Actions are verb families (`ec2:Create*`), never a whole service (`ec2:*`): the families a
 * Terraform create/read/update/delete of the listed types calls. Plan families are read-only.
 */

/** Resource/data type prefix → IAM service prefix; `null` for types that call no AWS API. */
const SERVICE_OF_TYPE_PREFIX: readonly (readonly [string, string | null])[] = [
  ["aws_iam_policy_document", null],
  ["aws_caller_identity", null],
  ["aws_partition", null],
  ["aws_region", null],
  ["aws_eks_cluster_auth", null],
  ["aws_availability_zones", "ec2"],
  ["aws_ami", "ec2"],
  ["aws_vpc", "ec2"],
  ["aws_subnet", "ec2"],
  ["aws_route", "ec2"],
  ["aws_main_route_table_association", "ec2"],
  ["aws_network_acl", "ec2"],
  ["aws_default_network_acl", "ec2"],
  ["aws_security_group", "ec2"],
  ["aws_default_security_group", "ec2"],
  ["aws_internet_gateway", "ec2"],
  ["aws_egress_only_internet_gateway", "ec2"],
  ["aws_nat_gateway", "ec2"],
  ["aws_eip", "ec2"],
  ["aws_flow_log", "ec2"],
  ["aws_launch_template", "ec2"],
  ["aws_ec2_", "ec2"],
  ["aws_eks_", "eks"],
  ["aws_iam_", "iam"],
  ["aws_kms_", "kms"],
  ["aws_s3_", "s3"],
  ["aws_efs_", "elasticfilesystem"],
  ["aws_batch_", "batch"],
  ["aws_ecs_", "ecs"],
  ["aws_sqs_", "sqs"],
  ["aws_cloudwatch_event_", "events"],
  ["aws_cloudwatch_log_", "logs"],
  ["aws_cloudwatch_metric_alarm", "cloudwatch"],
  ["aws_cloudwatch_composite_alarm", "cloudwatch"],
  ["aws_cloudwatch_dashboard", "cloudwatch"],
  ["aws_ram_", "ram"],
  ["aws_sns_", "sns"],
  ["aws_ssm_", "ssm"],
  ["aws_oam_", "oam"],
];

/** The IAM service a Terraform AWS type calls, `null` when it calls none (e.g. policy documents). */
export function serviceOfResourceType(type: string): string | null {
  const match = SERVICE_OF_TYPE_PREFIX.filter(([prefix]) => type === prefix || type.startsWith(prefix)).sort((a, b) => b[0].length - a[0].length)[0];
  if (!match) {
    throw new Error(
      `Terraform type "${type}" has no IAM service in modules/access/service-actions.ts; add its prefix there so the plan and deploy roles can manage it`,
    );
  }
  return match[1];
}

/** Sorted IAM services that the given Terraform types call (non-AWS types, e.g. helm_release, are skipped). */
export function servicesOfResourceTypes(types: Iterable<string>): string[] {
  const services = new Set<string>();
  for (const type of types) {
    if (!type.startsWith("aws_")) continue;
    const service = serviceOfResourceType(type);
    if (service) services.add(service);
  }
  return [...services].sort();
}

const READ = (service: string): string[] => [`${service}:Describe*`, `${service}:Get*`, `${service}:List*`];
const TAGS = (service: string): string[] => [`${service}:TagResource`, `${service}:UntagResource`];

/** Read-only families per service; S3 and SSM are narrower, because their Get* reads data, not configuration. */
const PLAN_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  s3: [
    "s3:GetBucket*",
    "s3:GetEncryptionConfiguration",
    "s3:GetLifecycleConfiguration",
    "s3:GetReplicationConfiguration",
    "s3:GetAccelerateConfiguration",
    "s3:GetMetricsConfiguration",
    "s3:ListBucket",
    "s3:ListAllMyBuckets",
  ],
  ssm: ["ssm:DescribeParameters", "ssm:GetParameter", "ssm:GetParameters"],
};

/** Families a deploy calls per service, besides the read families. */
const DEPLOY_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  ec2: [
    "ec2:Create*",
    "ec2:Delete*",
    "ec2:Modify*",
    "ec2:Associate*",
    "ec2:Disassociate*",
    "ec2:Attach*",
    "ec2:Detach*",
    "ec2:Replace*",
    "ec2:AuthorizeSecurityGroup*",
    "ec2:RevokeSecurityGroup*",
    "ec2:UpdateSecurityGroupRule*",
    "ec2:AllocateAddress",
    "ec2:ReleaseAddress",
    "ec2:Accept*",
    "ec2:Reject*",
    "ec2:EnableTransitGatewayRouteTablePropagation",
    "ec2:DisableTransitGatewayRouteTablePropagation",
    "ec2:AssignIpv6Addresses",
    "ec2:UnassignIpv6Addresses",
    "ec2:RunInstances",
  ],
  eks: ["eks:Create*", "eks:Delete*", "eks:Update*", "eks:Associate*", "eks:Disassociate*", "eks:AccessKubernetesApi", ...TAGS("eks")],
  iam: [
    "iam:CreateRole",
    "iam:DeleteRole",
    "iam:UpdateRole",
    "iam:UpdateRoleDescription",
    "iam:UpdateAssumeRolePolicy",
    "iam:TagRole",
    "iam:UntagRole",
    "iam:PutRolePolicy",
    "iam:DeleteRolePolicy",
    "iam:AttachRolePolicy",
    "iam:DetachRolePolicy",
    "iam:CreatePolicy",
    "iam:DeletePolicy",
    "iam:CreatePolicyVersion",
    "iam:DeletePolicyVersion",
    "iam:TagPolicy",
    "iam:UntagPolicy",
    "iam:CreateInstanceProfile",
    "iam:DeleteInstanceProfile",
    "iam:AddRoleToInstanceProfile",
    "iam:RemoveRoleFromInstanceProfile",
    "iam:TagInstanceProfile",
    "iam:UntagInstanceProfile",
    "iam:CreateOpenIDConnectProvider",
    "iam:DeleteOpenIDConnectProvider",
    "iam:UpdateOpenIDConnectProviderThumbprint",
    "iam:AddClientIDToOpenIDConnectProvider",
    "iam:RemoveClientIDFromOpenIDConnectProvider",
    "iam:TagOpenIDConnectProvider",
    "iam:UntagOpenIDConnectProvider",
    "iam:CreateServiceLinkedRole",
  ],
  kms: [
    "kms:CreateKey",
    "kms:PutKeyPolicy",
    "kms:EnableKeyRotation",
    "kms:UpdateKeyDescription",
    "kms:ScheduleKeyDeletion",
    "kms:CancelKeyDeletion",
    "kms:CreateAlias",
    "kms:UpdateAlias",
    "kms:DeleteAlias",
    "kms:CreateGrant",
    "kms:RetireGrant",
    "kms:RevokeGrant",
    ...TAGS("kms"),
  ],
  s3: [
    "s3:CreateBucket",
    "s3:PutBucket*",
    "s3:DeleteBucketPolicy",
    "s3:PutEncryptionConfiguration",
    "s3:PutLifecycleConfiguration",
    "s3:PutAccelerateConfiguration",
    "s3:PutMetricsConfiguration",
  ],
  elasticfilesystem: [
    "elasticfilesystem:Create*",
    "elasticfilesystem:Delete*",
    "elasticfilesystem:Put*",
    "elasticfilesystem:Update*",
    ...TAGS("elasticfilesystem"),
  ],
  batch: ["batch:Create*", "batch:Delete*", "batch:Update*", "batch:RegisterJobDefinition", "batch:DeregisterJobDefinition", ...TAGS("batch")],
  sqs: ["sqs:CreateQueue", "sqs:DeleteQueue", "sqs:SetQueueAttributes", "sqs:AddPermission", "sqs:RemovePermission", "sqs:TagQueue", "sqs:UntagQueue"],
  events: ["events:PutRule", "events:DeleteRule", "events:EnableRule", "events:DisableRule", "events:PutTargets", "events:RemoveTargets", ...TAGS("events")],
  logs: [
    "logs:CreateLogGroup",
    "logs:DeleteLogGroup",
    "logs:PutRetentionPolicy",
    "logs:DeleteRetentionPolicy",
    "logs:AssociateKmsKey",
    "logs:DisassociateKmsKey",
    "logs:PutResourcePolicy",
    "logs:DeleteResourcePolicy",
    "logs:CreateLogDelivery",
    "logs:DeleteLogDelivery",
    ...TAGS("logs"),
    "logs:TagLogGroup",
    "logs:UntagLogGroup",
  ],
  cloudwatch: [
    "cloudwatch:PutMetricAlarm",
    "cloudwatch:PutCompositeAlarm",
    "cloudwatch:DeleteAlarms",
    "cloudwatch:PutDashboard",
    "cloudwatch:DeleteDashboards",
    "cloudwatch:PutAnomalyDetector",
    "cloudwatch:DeleteAnomalyDetector",
    ...TAGS("cloudwatch"),
  ],
  ram: [
    "ram:CreateResourceShare",
    "ram:UpdateResourceShare",
    "ram:DeleteResourceShare",
    "ram:AssociateResourceShare",
    "ram:DisassociateResourceShare",
    "ram:AssociateResourceSharePermission",
    ...TAGS("ram"),
  ],
  sns: ["sns:CreateTopic", "sns:DeleteTopic", "sns:SetTopicAttributes", "sns:Subscribe", "sns:Unsubscribe", ...TAGS("sns")],
  ssm: [],
  // Read only: the Batch colour guard reads the ECS clusters Batch runs; Batch itself manages them.
  ecs: [],
  // A link shares each resource type only if the caller may also share it (cloudwatch:Link, logs:Link, xray:Link).
  oam: [
    "oam:CreateSink",
    "oam:DeleteSink",
    "oam:PutSinkPolicy",
    "oam:CreateLink",
    "oam:DeleteLink",
    "oam:UpdateLink",
    "cloudwatch:Link",
    "logs:Link",
    "xray:Link",
    ...TAGS("oam"),
  ],
};

/** Actions that read data, not configuration: denied to the plan role although its read families match them. */
export const PLAN_DENIED_DATA_READS = [
  "ec2:GetPasswordData",
  "ec2:GetConsoleOutput",
  "ec2:GetConsoleScreenshot",
  "logs:GetLogEvents",
  "logs:GetLogRecord",
  "logs:GetQueryResults",
  "logs:FilterLogEvents",
  "logs:StartQuery",
  "sqs:ReceiveMessage",
] as const;

/** Whether AWS has at least one action the pattern names (IAM has no `iam:Describe*`, SQS no `sqs:Describe*`). */
function namesAnAction(pattern: string): boolean {
  const matched = actionsMatching(pattern);
  return "actions" in matched && matched.actions.length > 0;
}

/** Read-only actions with which `terraform plan` refreshes resources of `services`. */
export function planActionsFor(services: readonly string[]): string[] {
  return services.flatMap((service) => [...(PLAN_ACTIONS[service] ?? READ(service))]).filter(namesAnAction);
}

/** Actions with which `terraform apply` creates, updates and deletes resources of `services` (read families included). */
export function deployActionsFor(services: readonly string[]): string[] {
  return services.flatMap((service) => {
    const writes = DEPLOY_ACTIONS[service];
    if (!writes) throw new Error(`service "${service}" has no deploy actions in modules/access/service-actions.ts; list the verb families a deploy calls`);
    return [...planActionsFor([service]), ...writes.filter(namesAnAction)];
  });
}
