import type { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { Release } from "@cdktf/provider-helm/lib/release";
import type { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { Construct } from "constructs";
import { ValidatedManifest } from "../kubernetes/validated-manifest";
import { PLATFORM_CHARTS } from "./charts";
import { KARPENTER_NAMESPACE } from "./karpenter-aws";
import { ec2NodeClass, nodePool, type NodePoolSpec } from "./karpenter-manifests";
import type { InstanceTypeTable } from "../../planning/max-pods";
import { KARPENTER_POD_LABELS, KARPENTER_RELEASE, karpenterValues, type KarpenterValues } from "./karpenter-values";
import { WorkloadAvailability } from "./workload-availability";

/** The one EC2NodeClass every NodePool launches from. */
export const NODE_CLASS_NAME = "default";

export interface KarpenterReleaseProps {
  readonly helm: HelmProvider;
  readonly kubernetes: KubernetesProvider;
  readonly clusterName: string;
  readonly interruptionQueue: string;
  readonly controllerRoleArn: string;
  readonly nodeInstanceProfile: string;
  /** Shared private subnet ids nodes launch into. */
  readonly subnetIds: readonly string[];
  readonly nodeSecurityGroupId: string;
  /** AZ IDs of those subnets. */
  readonly azIds: readonly string[];
  readonly amiAlias: string;
  /** NodePools by name. */
  readonly nodePools: Readonly<Record<string, NodePoolSpec>>;
  /** Where the pools' CPU architectures are looked up. @default INSTANCE_TYPES (planning/max-pods.ts) */
  readonly instanceTypes?: InstanceTypeTable;
}

/**
 * Karpenter in a cluster whose CRDs are already installed (KarpenterCrds, an earlier stack): the
 * controller (two replicas on the system nodes, spread, with the chart's budget), the EC2NodeClass
 * and one NodePool per configured pool, each validated against Karpenter's CRD schema at synth.
 */
export class KarpenterRelease extends Construct {
  public readonly release: Release;
  public readonly values: KarpenterValues;
  public readonly nodeClass: ValidatedManifest;
  public readonly nodePools: Readonly<Record<string, ValidatedManifest>>;

  constructor(scope: Construct, id: string, props: KarpenterReleaseProps) {
    super(scope, id);
    // The chart always renders its own PodDisruptionBudget: hand it the budget instead of adding a second one.
    const availability = new WorkloadAvailability(this, "availability", {
      name: KARPENTER_RELEASE,
      namespace: KARPENTER_NAMESPACE,
      selector: KARPENTER_POD_LABELS,
      podDisruptionBudget: "chart",
    });
    this.values = karpenterValues({
      clusterName: props.clusterName,
      interruptionQueue: props.interruptionQueue,
      controllerRoleArn: props.controllerRoleArn,
      replicas: availability.replicas,
      maxUnavailable: availability.maxUnavailable,
      topologySpreadConstraints: availability.topologySpreadConstraints,
    });
    const { karpenter } = PLATFORM_CHARTS;
    this.release = new Release(this, "controller", {
      provider: props.helm,
      name: KARPENTER_RELEASE,
      namespace: KARPENTER_NAMESPACE,
      ...karpenter,
      skipCrds: true,
      atomic: true,
      cleanupOnFail: true,
      // Ids from remote state are plain names and ARNs: safe inside a JSON string.
      values: [JSON.stringify(this.values)],
    });

    // NodePools wait for the controller that acts on them (the CRDs defining them are in an earlier stack).
    const after = { provider: props.kubernetes, dependsOn: [this.release] };
    this.nodeClass = new ValidatedManifest(this, "node-class", {
      ...after,
      object: ec2NodeClass({
        name: NODE_CLASS_NAME,
        clusterName: props.clusterName,
        instanceProfile: props.nodeInstanceProfile,
        subnetIds: props.subnetIds,
        securityGroupIds: [props.nodeSecurityGroupId],
        amiAlias: props.amiAlias,
      }),
    });
    this.nodePools = Object.fromEntries(
      Object.entries(props.nodePools).map(([name, config]) => [
        name,
        new ValidatedManifest(this, `node-pool-${name}`, {
          ...after,
          object: nodePool({ name, nodeClassName: NODE_CLASS_NAME, azIds: props.azIds, config, instanceTypes: props.instanceTypes }),
        }),
      ]),
    );
  }
}
