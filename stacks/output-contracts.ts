import type { OutputContract } from "./stack-outputs";

/**
 * Every producer stack's outputs, declared once: the producer writes them from here
 * (`writeOutputs`), consumers read them from here (`readOutputs`), and the reference docs list
 * them from `OUTPUT_CONTRACTS`. Output names are part of the state's interface: renaming one
 * breaks every consumer's next plan until the producer is applied.
 */

/** A shared VPC of one environment × region (NetworkStack). */
export const NETWORK_OUTPUTS = {
  vpcId: { name: "vpc_id", type: "string" },
  vpcCidr: { name: "vpc_cidr", type: "string" },
  vpcIpv6Cidr: { name: "vpc_ipv6_cidr", type: "string" },
  /** What the environment's alarms and dashboard watch. */
  natGatewayId: { name: "nat_gateway_ids", type: "map(string)", description: "NAT gateway id by AZ ID" },
  /** The region's gateway as read from the transit stack (not through the attachment): one value for every VPC of the region. */
  transitGatewayId: { name: "transit_gateway_id", type: "string" },
  transitGatewayAttachmentId: { name: "transit_gateway_attachment_id", type: "string" },
  /** Subnet id of a tier in an AZ ID; consumers select shared subnets by id, never by tag. The subnet move guard reads it back. */
  subnetId: { name: "subnet_ids", type: "map(map(string))", description: "Subnet id by tier, then by AZ ID" },
} as const satisfies OutputContract;

/** A region's Transit Gateway (TransitStack). */
export const TRANSIT_OUTPUTS = {
  transitGatewayId: { name: "transit_gateway_id", type: "string" },
  routeTableId: { name: "route_table_ids", type: "map(string)", description: "Transit Gateway route table id by routing domain" },
  peeringRouteTableId: { name: "peering_route_table_id", type: "string", description: "Route table the peering attachments associate with" },
} as const satisfies OutputContract;

/** An EKS cluster with Karpenter's and EFS CSI's AWS side (EksClusterStack). */
export const EKS_CLUSTER_OUTPUTS = {
  clusterName: { name: "cluster_name", type: "string", description: "EKS cluster name" },
  endpoint: { name: "cluster_endpoint", type: "string", description: "Kubernetes API endpoint (private)" },
  certificateAuthority: { name: "cluster_certificate_authority", type: "string", description: "Base64 PEM of the cluster CA" },
  nodeSecurityGroupId: { name: "node_security_group_id", type: "string", description: "Security group of every worker node" },
  subnetId: { name: "subnet_ids", type: "map(string)", description: "Shared private subnet id by AZ ID" },
  karpenterControllerRoleArn: { name: "karpenter_controller_role_arn", type: "string", description: "IRSA role of kube-system:karpenter" },
  karpenterNodeInstanceProfile: { name: "karpenter_node_instance_profile", type: "string", description: "Instance profile Karpenter launches nodes with" },
  karpenterInterruptionQueue: { name: "karpenter_interruption_queue", type: "string", description: "SQS queue of interruption events" },
  efsCsiRoleArn: { name: "efs_csi_role_arn", type: "string", description: "IRSA role of kube-system:efs-csi-controller-sa" },
  efsFileSystemId: { name: "efs_file_system_id", type: "string", description: "EFS file system of the efs-sc StorageClass" },
} as const satisfies OutputContract;

/** Blue-green Batch of one environment × region (BatchStack); read by people and job submitters, not by other stacks. */
export const BATCH_OUTPUTS = {
  jobQueueArns: {
    name: "job_queue_arns",
    type: "map(string)",
    description: "Job queue ARN by kind: spot-first (Spot, On-Demand fallback) and on-demand (never interrupted)",
  },
  jobDefinitionArns: { name: "job_definition_arns", type: "map(string)" },
  jobRoleArn: { name: "job_role_arn", type: "string", description: "Attach the jobs' permissions to this role" },
} as const satisfies OutputContract;

/** An account's state bucket and purpose roles (BootstrapStack); read by people and CI, not by other stacks. */
export const BOOTSTRAP_OUTPUTS = {
  stateBucket: { name: "state_bucket", type: "string", description: "Bucket holding every stack state of this account" },
  stateKeyArn: { name: "state_key_arn", type: "string", description: "KMS key encrypting the state objects" },
  planRoleArn: { name: "plan_role_arn", type: "string", description: "Read-only role every plan assumes in this account" },
  deployRoleArn: { name: "deploy_role_arn", type: "string", description: "Role every apply assumes in this account" },
  stateReaderRoleArns: {
    name: "state_reader_role_arns",
    type: "map(string)",
    description: "Per consumer account, the role its stacks read this account's outputs through",
  },
} as const satisfies OutputContract;

/** The monitoring account's OAM sink of one region (MonitoringSinkStack); read by the stacks that own the accounts' links. */
export const MONITORING_SINK_OUTPUTS = {
  /** A sink ARN ends in a generated id, so links cannot derive it. */
  sinkArn: { name: "sink_arn", type: "string", description: "OAM sink source accounts link to" },
} as const satisfies OutputContract;

/** The log-archive account's flow-log bucket of one region (LogArchiveStack); read by people, not by other stacks. */
export const LOG_ARCHIVE_OUTPUTS = {
  flowLogBucket: { name: "flow_log_bucket", type: "string", description: "Archive of the region's VPC flow logs" },
} as const satisfies OutputContract;

/** Every contract by producer, for the generated reference docs. */
export const OUTPUT_CONTRACTS: readonly { readonly producer: string; readonly outputs: OutputContract }[] = [
  { producer: "bootstrap-<account>", outputs: BOOTSTRAP_OUTPUTS },
  { producer: "shared-<region>-transit", outputs: TRANSIT_OUTPUTS },
  { producer: "<env>-<region>-network", outputs: NETWORK_OUTPUTS },
  { producer: "<env>-<region>-eks-cluster", outputs: EKS_CLUSTER_OUTPUTS },
  { producer: "<env>-<region>-batch", outputs: BATCH_OUTPUTS },
  { producer: "shared-<region>-oam-sink", outputs: MONITORING_SINK_OUTPUTS },
  { producer: "shared-<region>-archive", outputs: LOG_ARCHIVE_OUTPUTS },
];
