import { EksNodeGroup } from "@cdktf/provider-aws/lib/eks-node-group";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import type { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { EksCluster } from "./cluster";
import { INSTANCE_TYPES, type InstanceTypeTable } from "../../planning/max-pods";
import { NodeRole } from "./node-role";

/** Label of the system nodes; platform controllers select it. */
export const SYSTEM_NODE_LABEL = { key: "orgplat.io/node-group", value: "system" } as const;
/**
 * Taint of the system nodes: only pods that tolerate it land there. The Karpenter and EFS CSI
 * charts (and CoreDNS) tolerate CriticalAddonsOnly out of the box.
 */
export const SYSTEM_NODE_TAINT = { key: "CriticalAddonsOnly", value: "true", effect: "NoSchedule" } as const;

export interface SystemNodeGroupProps {
  readonly cluster: EksCluster;
  /** Shared private subnets, one per AZ ID. */
  readonly subnetIds: readonly string[];
  readonly nodeSecurityGroup: SecurityGroup;
  /** Instance types in order of preference; all of one CPU architecture. */
  readonly instanceTypes: readonly string[];
  readonly minSize: number;
  readonly maxSize: number;
  /**
   * EKS-optimized AMI release, e.g. "1.35.0-20260129".
   * @default undefined (the newest release when the group is created or its Kubernetes version changes)
   */
  readonly releaseVersion?: string;
  /** What must exist before nodes try to join (security group rules, the add-ons nodes need to become Ready). @default [] */
  readonly dependsOn?: readonly ITerraformDependable[];
  /** Where the types' CPU architecture is looked up. @default INSTANCE_TYPES (planning/max-pods.ts) */
  readonly instanceTypeTable?: InstanceTypeTable;
  /** Encrypted gp3 root volume size. @default 50 */
  readonly rootVolumeGiB?: number;
}

/**
 * A small managed node group for system pods: Karpenter's controller must never run on nodes
 * Karpenter itself manages (it could consolidate away its own node). On-Demand, tainted
 * CriticalAddonsOnly and labelled, IMDSv2 only with one hop (pods cannot borrow the node role).
 */
export class SystemNodeGroup extends Construct {
  public readonly nodeGroup: EksNodeGroup;
  public readonly nodeRole: NodeRole;

  constructor(scope: Construct, id: string, props: SystemNodeGroupProps) {
    super(scope, id);
    const name = `${props.cluster.name}-system`;
    this.nodeRole = new NodeRole(this, "role", { name, partition: props.cluster.partition });
    const launchTemplate = new LaunchTemplate(this, "launch-template", {
      name,
      description: `System nodes of EKS ${props.cluster.name}`,
      vpcSecurityGroupIds: [props.nodeSecurityGroup.id],
      metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 },
      blockDeviceMappings: [
        { deviceName: "/dev/xvda", ebs: { volumeSize: props.rootVolumeGiB ?? 50, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" } },
      ],
      tagSpecifications: [{ resourceType: "instance", tags: { Name: name } }],
    });
    this.nodeGroup = new EksNodeGroup(this, "nodes", {
      clusterName: props.cluster.cluster.name,
      nodeGroupName: "system",
      nodeRoleArn: this.nodeRole.role.arn,
      subnetIds: [...props.subnetIds],
      instanceTypes: [...props.instanceTypes],
      amiType: amiTypeFor(props.instanceTypes, props.instanceTypeTable),
      capacityType: "ON_DEMAND",
      scalingConfig: { minSize: props.minSize, desiredSize: props.minSize, maxSize: props.maxSize },
      updateConfig: { maxUnavailable: 1 },
      // The cluster's version: bumping it rolls the nodes after the control plane, in place.
      version: props.cluster.cluster.version,
      releaseVersion: props.releaseVersion,
      launchTemplate: { id: launchTemplate.id, version: launchTemplate.latestVersion.toString() },
      labels: { [SYSTEM_NODE_LABEL.key]: SYSTEM_NODE_LABEL.value },
      taint: [{ key: SYSTEM_NODE_TAINT.key, value: SYSTEM_NODE_TAINT.value, effect: "NO_SCHEDULE" }],
      // The node role keeps its policies until the nodes are gone (a drained node still needs its CNI permissions).
      dependsOn: [...this.nodeRole.policyAttachments, ...(props.dependsOn ?? [])],
    });
  }
}

/** The EKS-optimized AL2023 AMI of the instance types' architecture (the config rules keep it single). */
export function amiTypeFor(instanceTypes: readonly string[], table: InstanceTypeTable = INSTANCE_TYPES): string {
  return instanceTypes.every((t) => Object.hasOwn(table, t) && table[t].architecture === "arm64") ? "AL2023_ARM_64_STANDARD" : "AL2023_x86_64_STANDARD";
}
