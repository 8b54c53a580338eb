import { Construct } from "constructs";
import type { EksCluster } from "./cluster";
import { IrsaRole } from "./irsa-role";

/** The EFS CSI controller's service account, as the chart names it. */
export const EFS_CSI_NAMESPACE = "kube-system";
export const EFS_CSI_SERVICE_ACCOUNT = "efs-csi-controller-sa";

export interface EfsCsiRoleProps {
  readonly cluster: EksCluster;
}

/**
 * The EFS CSI controller's IRSA role: AmazonEFSCSIDriverPolicy (create and delete access points
 * on tagged file systems), assumable by kube-system:efs-csi-controller-sa alone.
 */
export class EfsCsiRole extends Construct {
  public readonly irsa: IrsaRole;

  constructor(scope: Construct, id: string, props: EfsCsiRoleProps) {
    super(scope, id);
    this.irsa = new IrsaRole(this, "irsa", {
      name: `${props.cluster.name}-efs-csi-controller`,
      cluster: props.cluster,
      namespace: EFS_CSI_NAMESPACE,
      serviceAccount: EFS_CSI_SERVICE_ACCOUNT,
      managedPolicies: ["service-role/AmazonEFSCSIDriverPolicy"],
    });
  }
}
