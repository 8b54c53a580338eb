import type { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Construct } from "constructs";
import type { EksCluster } from "./cluster";
import { InterruptionQueue } from "./interruption-queue";
import { IrsaRole } from "./irsa-role";
import { KarpenterControllerPolicy } from "./karpenter-controller-policy";
import { NodeRole } from "./node-role";

/** Where Karpenter's controller runs and under which service account. */
export const KARPENTER_NAMESPACE = "kube-system";
export const KARPENTER_SERVICE_ACCOUNT = "karpenter";

export interface KarpenterAwsProps {
  readonly cluster: EksCluster;
  readonly region: string;
  readonly accountId: string;
  /** Owner of the shared subnets. */
  readonly subnetOwnerAccountId: string;
  readonly subnetIds: readonly string[];
  readonly nodeSecurityGroup: SecurityGroup;
}

/**
 * The AWS side of Karpenter: the node role (with an instance profile Karpenter launches nodes
 * with), the interruption queue and its EventBridge rules, and the controller's IRSA role with
 * its least-privilege policy. The node role's EC2_LINUX access entry is made with the cluster's.
 */
export class KarpenterAws extends Construct {
  public readonly nodeRole: NodeRole;
  public readonly interruptionQueue: InterruptionQueue;
  public readonly controllerRole: IrsaRole;
  public readonly controllerPolicy: KarpenterControllerPolicy;

  constructor(scope: Construct, id: string, props: KarpenterAwsProps) {
    super(scope, id);
    const clusterName = props.cluster.name;
    this.nodeRole = new NodeRole(this, "node-role", { name: `${clusterName}-karpenter-node`, partition: props.cluster.partition, instanceProfile: true });
    this.interruptionQueue = new InterruptionQueue(this, "interruption", { name: interruptionQueueNameOf(clusterName) });
    this.controllerPolicy = new KarpenterControllerPolicy(this, "controller-policy", {
      clusterName,
      clusterArn: props.cluster.arn,
      region: props.region,
      accountId: props.accountId,
      subnetOwnerAccountId: props.subnetOwnerAccountId,
      subnetIds: props.subnetIds,
      nodeSecurityGroupId: props.nodeSecurityGroup.id,
      nodeRoleArn: this.nodeRole.role.arn,
      nodeInstanceProfileArn: this.nodeRole.instanceProfile!.arn,
      interruptionQueueArn: this.interruptionQueue.queue.arn,
    });
    this.controllerRole = new IrsaRole(this, "controller-role", {
      name: `${clusterName}-karpenter-controller`,
      cluster: props.cluster,
      namespace: KARPENTER_NAMESPACE,
      serviceAccount: KARPENTER_SERVICE_ACCOUNT,
      policies: [this.controllerPolicy.policy],
    });
  }
}

/** Name of a cluster's Karpenter interruption queue: known before the cluster exists, so alarms can watch it. */
export function interruptionQueueNameOf(clusterName: string): string {
  return `${clusterName}-karpenter`;
}
