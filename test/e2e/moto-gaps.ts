/**
 * The one declared list of what moto_server 5.2.1 (our stand-in AWS) cannot do with the
 * resources this product synthesizes. The e2e harness excludes `cannot-apply` resources (and
 * everything that depends on them) with -target, and lets a re-plan differ only in the
 * `drift` attributes listed here. Every entry carries the output that proves it. Nothing is
 * stubbed: what is excluded here is validated by `terraform validate` only.
 */
export interface CannotApply {
  readonly kind: "cannot-apply";
  readonly resourceType: string;
  readonly reason: string;
  /** Output of moto/terraform that shows the failure. */
  readonly evidence: string;
  /**
   * Only resources of the type whose top-level attribute has this value (e.g. flow logs to S3).
   * @default every resource of the type
   */
  readonly when?: { readonly attribute: string; readonly equals: string };
}

export interface ReadBackDrift {
  readonly kind: "drift";
  readonly resourceType: string;
  /** Top-level attributes whose planned change after apply is moto's doing, not ours. */
  readonly attributes: readonly string[];
  readonly reason: string;
  readonly evidence: string;
}

/**
 * Resources a workload account places in the network account's shared VPC. moto keeps every
 * account's VPCs and subnets apart and has no RAM sharing, so these fail there. They are left
 * out only where they use shared networking (their body reads another stack's remote state).
 */
export interface SharedVpcParticipant {
  readonly kind: "cannot-apply-in-shared-vpc";
  readonly resourceType: string;
  readonly reason: string;
  readonly evidence: string;
}

/**
 * Something AWS provides by itself that moto lacks, which the e2e creates beforehand through the
 * same API AWS would use, so the product's resources can be applied unchanged.
 */
export interface CreatedBeforehand {
  readonly kind: "created-beforehand";
  readonly resourceType: string;
  readonly reason: string;
  readonly evidence: string;
}

export type MotoGap = CannotApply | ReadBackDrift | SharedVpcParticipant | CreatedBeforehand;

/** CloudWatch composite alarms and Observability Access Manager: not in moto 5.2.1 (checked with boto3 against moto_server). */
const OBSERVABILITY_GAPS: readonly MotoGap[] = [
  {
    kind: "cannot-apply",
    resourceType: "aws_cloudwatch_composite_alarm",
    reason: "moto does not implement PutCompositeAlarm; it answers 500 and the provider retries until the apply times out",
    evidence:
      'boto3 put_composite_alarm(AlarmName="x", AlarmRule=\'ALARM("a")\') against moto_server 5.2.1: ' +
      '"An error occurred (500) when calling the PutCompositeAlarm operation (reached max retries: 4): <!doctype html> ... 500 Internal Server Error"; ' +
      'moto\'s log: "NotImplementedError: The put_composite_alarm action has not been implemented"',
  },
  {
    kind: "cannot-apply",
    resourceType: "aws_oam_sink",
    reason: "moto has no Observability Access Manager service; every oam call answers 500. The sink's policy depends on the sink and is left out with it",
    evidence:
      'boto3 oam create_sink(Name="s") against moto_server 5.2.1: "An error occurred (500) when calling the CreateSink operation (reached max retries: 4): ' +
      '<!doctype html> ... 500 Internal Server Error"; moto\'s log: "moto/backends.py, in get_backend: safe_name = name.replace("-", "") ' +
      "AttributeError: 'NoneType' object has no attribute 'replace'\"",
  },
  {
    kind: "cannot-apply",
    resourceType: "aws_oam_link",
    reason: "moto has no Observability Access Manager service; every oam call answers 500",
    evidence:
      'boto3 oam create_link(LabelTemplate="$AccountName", ResourceTypes=["AWS::CloudWatch::Metric"], SinkIdentifier="arn:aws:oam:us-east-1:123456789012:sink/x") ' +
      'against moto_server 5.2.1: "An error occurred (500) when calling the CreateLink operation (reached max retries: 4)"; moto\'s log: ' +
      "\"AttributeError: 'NoneType' object has no attribute 'replace'\" (no oam backend)",
  },
  {
    kind: "cannot-apply",
    resourceType: "aws_s3_bucket_metric",
    reason:
      "moto accepts PutBucketMetricsConfiguration but reads back an empty configuration, and answers DeleteBucketMetricsConfiguration " +
      "as if it were DeleteBucket: a destroy of the state bucket's request-metrics filter tries to delete the bucket itself",
    evidence:
      'destroy of bootstrap-workload-dev (observability-alarms e2e): "Error: deleting S3 Bucket Metric (example-tfstate-555555555555:state-requests): ' +
      'operation error S3: DeleteBucketMetricsConfiguration, https response error StatusCode: 409 ... api error BucketNotEmpty: The bucket you tried to delete is not empty"; ' +
      'boto3 get_bucket_metrics_configuration(Bucket=..., Id="state-requests") right after the put: "MetricsConfiguration": {}',
  },
];

export const MOTO_GAPS: readonly MotoGap[] = [
  {
    kind: "cannot-apply",
    resourceType: "aws_s3_bucket_policy",
    reason:
      "moto evaluates bucket policies without their Condition block, so the state bucket's TLS-only statement " +
      "(Deny s3:* when aws:SecureTransport is false) denies every object request, even over TLS, and the S3 backend cannot read or lock state",
    evidence:
      'moto/iam/access_control.py: "TODO add support for the Resource and Condition parts of IAM policies"; with the policy applied, ' +
      "`terraform init` of a stack whose state is in that bucket (moto over https) fails: " +
      '"HEAD /example-tfstate-222222222222/dev-us-east-1-network/terraform.tfstate HTTP/1.1" 403 -> ' +
      '"Unable to access object ... operation error S3: HeadObject, https response error StatusCode: 403, api error Forbidden"',
  },
  {
    kind: "cannot-apply",
    resourceType: "aws_ram_resource_share",
    reason:
      "moto creates the share but does not implement ListResourceSharePermissions, which the provider reads right after create; " +
      "its resource and principal associations (subnets of every network stack, the Transit Gateway of every transit stack) depend on it and are left out with it",
    evidence:
      "terraform apply of shared-us-east-1-transit: " +
      '"Error: reading RAM Resource Share (arn:aws:ram:us-east-1:222222222222:resource-share/fddc89fc-...) permissions: operation error RAM: ' +
      "ListResourceSharePermissions, https response error StatusCode: 404, RequestID: , deserialization failed, failed to decode response body, " +
      "invalid character '<' looking for beginning of value\"",
  },
  {
    kind: "cannot-apply",
    resourceType: "aws_ec2_transit_gateway_vpc_attachment",
    reason:
      "with transit_gateway_default_route_table_association = false the provider disassociates the new attachment from the gateway's default " +
      "route table; moto answers 500 and the provider retries until the apply times out. Its route-table association and propagations and the " +
      "VPC routes to the Transit Gateway depend on it and are left out with it",
    evidence:
      "terraform apply of dev-us-east-1-network: aws_ec2_transit_gateway_vpc_attachment.transit_attachment_746E54C1: Still creating... [7m50s elapsed] " +
      'then "Error: operation canceled"; moto_server: "POST / HTTP/1.1" 500, File ".../moto/ec2/models/transit_gateway_route_tables.py", line 384, ' +
      "in disassociate_transit_gateway_route_table: tgw_association = self.transit_gateway_associations.pop(tgw_attach_id) KeyError: 'tgw-attach-6db4eec76008fe7d2'",
  },
  {
    kind: "drift",
    resourceType: "aws_ec2_transit_gateway_route",
    attributes: ["blackhole", "transit_gateway_attachment_id"],
    reason: "moto reads a static route through a peering attachment back as a blackhole with no attachment id, so every re-plan replaces it",
    evidence:
      're-plan of shared-global-transit-peering right after a clean apply (28 added): "Plan: 16 to add, 0 to change, 16 to destroy." e.g. ' +
      "aws_ec2_transit_gateway_route.peering-us-east-1-eu-west-1_route-eu-west-1-nonprod-10-0-0-0-16_0700D651 must be replaced: " +
      '~ blackhole = true -> false # forces replacement; + transit_gateway_attachment_id = "tgw-attach-..." # forces replacement',
  },
  {
    kind: "drift",
    resourceType: "aws_launch_template",
    attributes: ["default_version", "latest_version", "tag_specifications"],
    reason:
      "moto copies the request's TagSpecifications for the launch template itself (the provider's default tags) into the template's " +
      "LaunchTemplateData, which AWS never does; the first re-plan after a template is created removes that block again, as a new version",
    evidence:
      'moto/ec2/responses/launch_templates.py create_launch_template: parsed_template_data["TagSpecifications"].extend(converted_tag_spec); ' +
      're-plan of dev-us-east-1-batch right after a clean apply: "Plan: 0 to add, 1 to change, 0 to destroy." ' +
      "aws_launch_template.compute_blue_launch-template_6E5DBB38 will be updated in-place: ~ default_version = 1 -> (known after apply), " +
      '~ latest_version = 1 -> (known after apply), - tag_specifications { - resource_type = "launch-template" -> null, - tags = { "environment" = "dev", ... } -> null }',
  },
  {
    kind: "cannot-apply-in-shared-vpc",
    resourceType: "aws_security_group",
    reason:
      "moto creates a workload account's security group in the network account's VPC without its default egress rule, " +
      "then the provider's revoke of that rule fails (AWS lets a participant create groups in a shared VPC)",
    evidence:
      'terraform apply of dev-us-east-1-batch (account 555555555555, VPC of 222222222222): "Error: revoking default IPv4 egress rule for ' +
      "Security Group (sg-812fed40d9da88622): operation error EC2: RevokeSecurityGroupEgress, https response error StatusCode: 400, " +
      'api error InvalidPermission.NotFound: The specified rule does not exist in this security group"',
  },
  {
    kind: "cannot-apply-in-shared-vpc",
    resourceType: "aws_batch_compute_environment",
    reason: "moto looks a compute environment's subnets up in the caller's own account, so a subnet shared by the network account does not exist there",
    evidence:
      'moto/batch/models.py validates subnets in the calling account: "InvalidParameterValue: subnet subnet-e64999fd009c34c5f does not exist" ' +
      "for a compute environment of 555555555555 on a subnet of 222222222222",
  },
  {
    kind: "cannot-apply-in-shared-vpc",
    resourceType: "aws_efs_mount_target",
    reason: "the provider reads the mount target's subnet before creating it; moto shows a workload account none of the network account's subnets",
    evidence:
      "terraform apply of an EFS mount target in account 555555555555 on a subnet of 222222222222 (moto 5.2.1): " +
      '"Error: reading EC2 Subnet (subnet-531c08f5c780b05a3): couldn\'t find resource"',
  },
  {
    kind: "cannot-apply",
    resourceType: "aws_eks_access_entry",
    reason:
      "moto has no EKS access-entry API (CreateAccessEntry answers 404); the access-policy associations of the cluster's admins depend on the " +
      "entries and are left out with them",
    evidence:
      'terraform apply of dev-us-east-1-eks-cluster: "Error: creating EKS Access Entry (dev-us-east-1:arn:aws:iam::555555555555:role/platform-admin): ' +
      "operation error EKS: CreateAccessEntry, https response error StatusCode: 404, RequestID: , deserialization failed, failed to decode response body, " +
      "invalid character '<' looking for beginning of value\"",
  },
  {
    kind: "cannot-apply",
    resourceType: "aws_eks_addon",
    reason:
      "moto has no EKS add-on API (CreateAddon, DescribeAddonVersions answer 404); the system node group waits for the networking add-ons " +
      "(nodes turn Ready only with a CNI) and CoreDNS for the node group, so both are left out with them",
    evidence:
      "moto_server 5.2.1, moto/eks/urls.py routes no /addons path: " +
      '"POST /clusters/dev-us-east-1/addons HTTP/1.1" 404 -, "GET /addons/supported-versions?addonName=vpc-cni&kubernetesVersion=1.35 HTTP/1.1" 404 -; ' +
      'an untargeted terraform destroy of dev-us-east-1-eks-cluster: "Error: reading EKS Add-On version info (kube-proxy, 1.35): operation error EKS: ' +
      "DescribeAddonVersions, https response error StatusCode: 404, RequestID: , deserialization failed, failed to decode response body, " +
      "invalid character '<' looking for beginning of value\"",
  },
  {
    kind: "drift",
    resourceType: "aws_eks_cluster",
    attributes: ["access_config"],
    reason: "moto returns no accessConfig from DescribeCluster, so bootstrap_cluster_creator_admin_permissions (which forces a new cluster) reads back unset",
    evidence:
      're-plan of dev-us-east-1-eks-cluster right after apply: "# aws_eks_cluster.cluster_A4C38409 must be replaced ... ' +
      '+ bootstrap_cluster_creator_admin_permissions = false # forces replacement"',
  },
  {
    kind: "drift",
    resourceType: "aws_iam_openid_connect_provider",
    attributes: ["url"],
    reason: "follows from the aws_eks_cluster replacement above: the new cluster's issuer URL is known only after apply, and the URL forces a new provider",
    evidence:
      'same re-plan: "# aws_iam_openid_connect_provider.cluster_oidc_E9345939 must be replaced ~ url = ' +
      '"oidc.eks.us-east-1.amazonaws.com/id/tkJNBmXUBu" -> (known after apply) # forces replacement"',
  },
  {
    kind: "drift",
    resourceType: "aws_iam_role",
    attributes: ["assume_role_policy"],
    reason:
      "follows from the aws_eks_cluster replacement above, for IRSA roles only: their trust names the OIDC provider and issuer, known only after apply " +
      "(test/e2e/eks-cluster.e2e.test.ts checks that no other role changes)",
    evidence:
      'same re-plan: "# aws_iam_role.karpenter_controller-role_582C6970 will be updated in-place ~ assume_role_policy = jsonencode({ ... ' +
      '"oidc.eks.us-east-1.amazonaws.com/id/tkJNBmXUBu:sub" = "system:serviceaccount:kube-system:karpenter" ... }) -> (known after apply)"',
  },
  {
    kind: "drift",
    resourceType: "aws_eks_node_group",
    attributes: ["remote_access"],
    reason: 'moto invents a remote_access block (SSH key "eksKeypair") for a node group created without one; remote_access forces a new node group',
    evidence:
      'same re-plan: "# aws_eks_node_group.system-nodes_BF3C7D6E must be replaced - remote_access { # forces replacement ' +
      '- ec2_ssh_key = "eksKeypair" -> null # forces replacement"',
  },
  {
    kind: "drift",
    resourceType: "aws_vpc_security_group_ingress_rule",
    attributes: ["description"],
    reason:
      "moto keeps the description of a rule that references a security group in the rule's group pair but reads it back from the CIDR range only " +
      '(SecurityGroupRule.description returns ip_range["Description"]), so it comes back empty',
    evidence:
      'same re-plan: "# aws_vpc_security_group_ingress_rule.security-groups_nodes-from-nodes_9A8D8267 will be updated in-place ' +
      '+ description = "Pods and node agents across nodes""; rules with cidr_ipv4 keep theirs',
  },
  {
    kind: "drift",
    resourceType: "aws_vpc_security_group_egress_rule",
    attributes: ["description"],
    reason: "as for ingress rules: the description of an egress rule to a security group reads back empty",
    evidence:
      'same re-plan: "# aws_vpc_security_group_egress_rule.security-groups_control-plane-to-kubelets_A6069000 will be updated in-place ' +
      '+ description = "Control plane to kubelets (10250) and extension API servers""',
  },
  {
    kind: "created-beforehand",
    resourceType: "aws_batch_compute_environment",
    reason:
      "AWS Batch runs a compute environment without a service_role on its service-linked role AWSServiceRoleForBatch, creating that role on first use; " +
      "moto refuses a compute environment without a service role and never creates the role. Against moto the stack names the role's ARN " +
      "(BatchRoles nameServiceLinkedRole: to the provider the same service-linked role, so updates plan in place alike), and " +
      "test/e2e/batch-blue-green.e2e.test.ts creates the role (IAM CreateRole under /aws-service-role/batch.amazonaws.com/) before the first apply",
    evidence:
      'moto/batch/models.py create_compute_environment: "if not service_role: raise ClientException(... ServiceRole is required.)"; ' +
      "iam create_service_linked_role(batch.amazonaws.com) in moto names the role AWSServiceRoleForbatch (no case conversion for batch), not AWSServiceRoleForBatch",
  },
  {
    kind: "drift",
    resourceType: "aws_batch_compute_environment",
    attributes: ["compute_resources", "update_policy"],
    reason:
      "moto's UpdateComputeEnvironment ignores computeResources (an in-place change of subnets or instance types is accepted but not kept), " +
      "and DescribeComputeEnvironments returns no updatePolicy",
    evidence:
      'moto 5.2.1 moto/batch/models.py update_compute_environment: "if compute_resources is not None: # TODO Implement resizing of instances ... pass"; ' +
      "moto/batch/ has no updatePolicy anywhere (grep). Re-plan of dev-us-east-1-batch right after applying step 4 (e2e): " +
      '"aws_batch_compute_environment.compute_green_spot_9FEB1CF8: update", only update_policy changed: [] -> ' +
      "[{ job_execution_timeout_minutes = 360, terminate_jobs_on_update = false }] (the same for green_on-demand)",
  },
  {
    kind: "drift",
    resourceType: "aws_batch_job_queue",
    attributes: ["job_state_time_limit_action"],
    reason: "moto's CreateJobQueue and UpdateJobQueue ignore jobStateTimeLimitActions, so DescribeJobQueues returns none",
    evidence:
      "moto 5.2.1 moto/batch/responses.py createjobqueue reads computeEnvironmentOrder, jobQueueName, schedulingPolicyArn, priority, state and tags only; " +
      "moto/batch/ has no jobStateTimeLimitActions anywhere (grep); the plan of dev-us-east-1-batch after applying its queues " +
      '(e2e, AZ ID added) shows "aws_batch_job_queue.compute_on-demand_2D459763: update" with job_state_time_limit_action its only changed attribute',
  },
  {
    kind: "cannot-apply",
    resourceType: "aws_flow_log",
    when: { attribute: "log_destination_type", equals: "s3" },
    reason:
      "CreateFlowLogs to S3 looks the destination bucket up in the flow log's own account (and reads the folder as part of the bucket name), " +
      'so delivery to the log-archive account\'s bucket "does not exist"; flow logs to CloudWatch Logs apply',
    evidence:
      "test/e2e/observability-logs.e2e.test.ts, apply of the network account's VPC with the archive bucket applied in 444444444444: " +
      '"Error: creating Flow Log (vpc-4ab1ad7870de2bac2): vpc-4ab1ad7870de2bac2: api error 400: LogDestination: ' +
      'example-flow-logs-444444444444-us-east-1/dev does not exist." (aws_flow_log.flow-logs_archive-flow-log_484D8D51)',
  },
  ...OBSERVABILITY_GAPS,
];

/** Types moto cannot apply at all (a gap limited by `when` is not among them; see `cannotApply`). */
export const CANNOT_APPLY_TYPES: ReadonlySet<string> = new Set(MOTO_GAPS.filter((g) => g.kind === "cannot-apply" && !g.when).map((g) => g.resourceType));

/** Whether moto cannot apply this resource (its type, or its type with the gap's attribute value). */
export function cannotApply(type: string, body: Readonly<Record<string, unknown>>): boolean {
  return MOTO_GAPS.some((g) => g.kind === "cannot-apply" && g.resourceType === type && (!g.when || body[g.when.attribute] === g.when.equals));
}

export const SHARED_VPC_PARTICIPANT_TYPES: ReadonlySet<string> = new Set(
  MOTO_GAPS.filter((g) => g.kind === "cannot-apply-in-shared-vpc").map((g) => g.resourceType),
);

function describeGap(g: MotoGap): string {
  switch (g.kind) {
    case "cannot-apply":
      return `- cannot apply ${g.resourceType}${g.when ? ` (${g.when.attribute} = ${g.when.equals})` : ""}: ${g.reason}`;
    case "cannot-apply-in-shared-vpc":
      return `- cannot apply ${g.resourceType} in a shared VPC (workload account): ${g.reason}`;
    case "drift":
      return `- re-plan drift ${g.resourceType} [${g.attributes.join(", ")}]: ${g.reason}`;
    case "created-beforehand":
      return `- created beforehand for ${g.resourceType}: ${g.reason}`;
  }
}

/** The printable form of the list, for test output and the README. */
export function describeGaps(gaps: readonly MotoGap[] = MOTO_GAPS): string {
  return gaps.map(describeGap).join("\n");
}
