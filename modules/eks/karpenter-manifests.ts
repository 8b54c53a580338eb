import { models, type IEC2NodeClass, type INodePool, type KubernetesModel } from "../kubernetes/models";
import { INSTANCE_TYPES, instanceTypesOf, type InstanceTypeTable } from "../../planning/max-pods";

/** Label every node of a NodePool carries, for workloads that want one pool. */
export const NODE_POOL_LABEL = "orgplat.io/node-pool";

export interface NodeClassInput {
  /** EC2NodeClass name, e.g. "default". */
  readonly name: string;
  readonly clusterName: string;
  /** Instance profile of Karpenter's node role (made by the cluster stack). */
  readonly instanceProfile: string;
  /** Shared private subnet ids. */
  readonly subnetIds: readonly string[];
  readonly securityGroupIds: readonly string[];
  /** AMI alias, e.g. "al2023@latest". */
  readonly amiAlias: string;
  /** Encrypted gp3 root volume. @default 50 */
  readonly rootVolumeGiB?: number;
}

/**
 * The EC2NodeClass (karpenter.k8s.aws/v1) of a cluster's nodes. Subnets and security groups are
 * selected by id, never by tag: the workload account cannot see the network account's tags on
 * shared subnets. IMDSv2 with one hop keeps pods off the node role.
 */
export function ec2NodeClass(input: NodeClassInput): IEC2NodeClass & KubernetesModel {
  const EC2NodeClass = models.EC2NodeClass();
  return new EC2NodeClass({
    metadata: { name: input.name },
    spec: {
      instanceProfile: input.instanceProfile,
      amiSelectorTerms: [{ alias: input.amiAlias }],
      subnetSelectorTerms: input.subnetIds.map((id) => ({ id })),
      securityGroupSelectorTerms: input.securityGroupIds.map((id) => ({ id })),
      metadataOptions: { httpEndpoint: "enabled", httpProtocolIPv6: "disabled", httpPutResponseHopLimit: 1, httpTokens: "required" },
      blockDeviceMappings: [
        { deviceName: "/dev/xvda", ebs: { volumeSize: `${input.rootVolumeGiB ?? 50}Gi`, volumeType: "gp3", encrypted: true, deleteOnTermination: true } },
      ],
      tags: { "orgplat.io/cluster": input.clusterName },
    },
  });
}

/** What one NodePool may launch, how it consolidates and expires nodes, and how far it may grow. */
export interface NodePoolSpec {
  /** Instance families, e.g. ["m6i", "c6i"]; each family × size must be in the instance-type table. */
  readonly instanceFamilies: readonly string[];
  /** Instance sizes, e.g. ["large", "xlarge"]. */
  readonly instanceSizes: readonly string[];
  readonly capacityTypes: readonly ("spot" | "on-demand")[];
  /** Ceiling of the pool: vCPUs over all its nodes. */
  readonly cpuLimit: number;
  /** Ceiling of the pool: memory over all its nodes, in GiB. */
  readonly memoryLimitGiB: number;
  readonly consolidationPolicy: "WhenEmptyOrUnderutilized" | "WhenEmpty";
  /** Karpenter durations ("1m", "720h", "24h"). */
  readonly consolidateAfter: string;
  readonly expireAfter: string;
  readonly terminationGracePeriod: string;
  /** At most this share of the pool's nodes is voluntarily disrupted at once. */
  readonly maxDisruptedPercent: number;
  /**
   * A window with no voluntary disruption: cron schedule (UTC) and duration.
   * @default undefined (no quiet window)
   */
  readonly quietWindow?: { readonly schedule: string; readonly duration: string };
}

export interface NodePoolInput {
  readonly name: string;
  /** The EC2NodeClass the pool's nodes are launched from. */
  readonly nodeClassName: string;
  /** AZ IDs the pool may place nodes in (those with a shared private subnet). */
  readonly azIds: readonly string[];
  readonly config: NodePoolSpec;
  /** Where the pool's architectures are looked up. @default INSTANCE_TYPES */
  readonly instanceTypes?: InstanceTypeTable;
}

/**
 * A NodePool (karpenter.sh/v1): exactly the configured families × sizes, Spot and/or On-Demand,
 * only in the configured zones (by AZ ID, `topology.k8s.aws/zone-id`), with CPU and memory
 * ceilings, consolidation, an expiry with a termination grace period, and disruption budgets (a share of nodes at most, none
 * in the quiet window).
 */
export function nodePool(input: NodePoolInput): INodePool & KubernetesModel {
  const { config } = input;
  const table = input.instanceTypes ?? INSTANCE_TYPES;
  const architectures = [
    ...new Set(
      instanceTypesOf(config.instanceFamilies, config.instanceSizes)
        .filter((t) => Object.hasOwn(table, t))
        .map((t) => table[t].architecture),
    ),
  ].sort();
  const NodePool = models.NodePool();
  return new NodePool({
    metadata: { name: input.name },
    spec: {
      template: {
        metadata: { labels: { [NODE_POOL_LABEL]: input.name } },
        spec: {
          nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: input.nodeClassName },
          requirements: [
            { key: "karpenter.k8s.aws/instance-family", operator: "In", values: [...config.instanceFamilies] },
            { key: "karpenter.k8s.aws/instance-size", operator: "In", values: [...config.instanceSizes] },
            { key: "karpenter.sh/capacity-type", operator: "In", values: [...config.capacityTypes] },
            { key: "topology.k8s.aws/zone-id", operator: "In", values: [...input.azIds] },
            { key: "kubernetes.io/arch", operator: "In", values: architectures },
            { key: "kubernetes.io/os", operator: "In", values: ["linux"] },
          ],
          expireAfter: config.expireAfter,
          // Expiry is forced (budgets and do-not-disrupt do not hold it): this bounds how long a pod may hold a draining node.
          terminationGracePeriod: config.terminationGracePeriod,
        },
      },
      disruption: {
        consolidationPolicy: config.consolidationPolicy,
        consolidateAfter: config.consolidateAfter,
        budgets: [
          { nodes: `${config.maxDisruptedPercent}%` },
          ...(config.quietWindow ? [{ nodes: "0", schedule: config.quietWindow.schedule, duration: config.quietWindow.duration }] : []),
        ],
      },
      limits: { cpu: String(config.cpuLimit), memory: `${config.memoryLimitGiB}Gi` },
    },
  });
}
