import { EksAccessEntry } from "@cdktf/provider-aws/lib/eks-access-entry";
import { EksAccessPolicyAssociation } from "@cdktf/provider-aws/lib/eks-access-policy-association";
import type { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Construct } from "constructs";
import type { EksCluster } from "./cluster";
import { arnOf, type Partition } from "../../planning/partition";

/** EKS's built-in cluster-wide administrator policy for access entries. */
export function clusterAdminPolicyArn(partition: Partition): string {
  return arnOf(partition, { service: "eks", account: "aws", resource: "cluster-access-policy/AmazonEKSClusterAdminPolicy" });
}

/** EKS's built-in read-only policy: Kubernetes' `view`, which reads no Secrets. */
export function clusterViewPolicyArn(partition: Partition): string {
  return arnOf(partition, { service: "eks", account: "aws", resource: "cluster-access-policy/AmazonEKSViewPolicy" });
}

/** A read-only principal: the view policy, plus the Kubernetes groups that RBAC in the cluster extends it with. */
export interface ClusterReader {
  readonly principalArn: string;
  /** Groups the entry puts the principal in, e.g. ["orgplat:plan-readers"] (modules/eks/plan-reader-rbac.ts). */
  readonly kubernetesGroups: readonly string[];
}

export interface ClusterAccessProps {
  readonly cluster: EksCluster;
  /** Cluster administrators by purpose, e.g. { "platform-admin": "arn:aws:iam::…:role/platform-admin" }. */
  readonly administrators: Readonly<Record<string, string>>;
  /** Roles of self-managed nodes (Karpenter's) that join with an EC2_LINUX entry, by purpose. */
  readonly nodeRoles: Readonly<Record<string, IamRole>>;
  /**
   * Read-only principals by purpose, e.g. { planner: { principalArn: <plan role>, kubernetesGroups: [...] } }.
   * @default {}
   */
  readonly readers?: Readonly<Record<string, ClusterReader>>;
}

/**
 * Who may use the cluster, as access entries (authentication mode API): each administrator
 * gets a STANDARD entry with the cluster-admin policy, each reader a STANDARD entry with the view
 * policy and its Kubernetes groups, each node role an EC2_LINUX entry (EKS maps it to
 * system:nodes). Managed node groups make their own entries.
 */
export class ClusterAccess extends Construct {
  public readonly entries: Readonly<Record<string, EksAccessEntry>>;

  constructor(scope: Construct, id: string, props: ClusterAccessProps) {
    super(scope, id);
    const clusterName = props.cluster.cluster.name;
    const entries: Record<string, EksAccessEntry> = {};
    for (const [purpose, principalArn] of Object.entries(props.administrators)) {
      entries[purpose] = new EksAccessEntry(this, purpose, { clusterName, principalArn, type: "STANDARD" });
      new EksAccessPolicyAssociation(this, `${purpose}-admin`, {
        clusterName,
        principalArn: entries[purpose].principalArn,
        policyArn: clusterAdminPolicyArn(props.cluster.partition),
        accessScope: { type: "cluster" },
      });
    }
    for (const [purpose, reader] of Object.entries(props.readers ?? {})) {
      entries[purpose] = new EksAccessEntry(this, purpose, {
        clusterName,
        principalArn: reader.principalArn,
        type: "STANDARD",
        kubernetesGroups: [...reader.kubernetesGroups],
      });
      new EksAccessPolicyAssociation(this, `${purpose}-view`, {
        clusterName,
        principalArn: entries[purpose].principalArn,
        policyArn: clusterViewPolicyArn(props.cluster.partition),
        accessScope: { type: "cluster" },
      });
    }
    for (const [purpose, role] of Object.entries(props.nodeRoles)) {
      entries[purpose] = new EksAccessEntry(this, purpose, { clusterName, principalArn: role.arn, type: "EC2_LINUX" });
    }
    this.entries = entries;
  }
}
