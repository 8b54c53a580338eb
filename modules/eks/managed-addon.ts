import { DataAwsEksAddonVersion } from "@cdktf/provider-aws/lib/data-aws-eks-addon-version";
import { EksAddon } from "@cdktf/provider-aws/lib/eks-addon";
import type { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { EksCluster } from "./cluster";

export interface ManagedAddonProps {
  readonly cluster: EksCluster;
  /** EKS add-on name, e.g. "vpc-cni" or "coredns". */
  readonly addonName: string;
  /**
   * The cluster's Kubernetes version, as configured (not read from the cluster): the add-on's version
   * is the one EKS recommends for it, known at plan time, so a version bump plans the add-on's update too.
   */
  readonly kubernetesVersion: string;
  /** IRSA role of the add-on's service account. @default undefined (the add-on needs no AWS API) */
  readonly serviceAccountRole?: IamRole;
  /** What must exist first (CoreDNS waits for nodes to schedule on). @default [] */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * One EKS managed add-on at EKS's default version for the cluster's Kubernetes version: upgraded
 * in place with the cluster, never left at what the cluster was created with. It takes over an
 * unmanaged copy of itself (clusters created before EKS stopped bootstrapping them).
 */
export class ManagedAddon extends Construct {
  public readonly addon: EksAddon;
  public readonly version: DataAwsEksAddonVersion;

  constructor(scope: Construct, id: string, props: ManagedAddonProps) {
    super(scope, id);
    this.version = new DataAwsEksAddonVersion(this, "version", { addonName: props.addonName, kubernetesVersion: props.kubernetesVersion, mostRecent: false });
    this.addon = new EksAddon(this, "addon", {
      clusterName: props.cluster.cluster.name,
      addonName: props.addonName,
      addonVersion: this.version.version,
      serviceAccountRoleArn: props.serviceAccountRole?.arn,
      // The platform owns the add-ons' configuration: a hand edit is overwritten, and an existing unmanaged copy adopted.
      resolveConflictsOnCreate: "OVERWRITE",
      resolveConflictsOnUpdate: "OVERWRITE",
      dependsOn: props.dependsOn ? [...props.dependsOn] : undefined,
    });
  }
}
