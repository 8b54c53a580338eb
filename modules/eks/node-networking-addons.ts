import type { EksAddon } from "@cdktf/provider-aws/lib/eks-addon";
import { Construct } from "constructs";
import type { EksCluster } from "./cluster";
import { IrsaRole } from "./irsa-role";
import { ManagedAddon } from "./managed-addon";

/** The VPC CNI's service account, in kube-system. */
export const VPC_CNI_SERVICE_ACCOUNT = "aws-node";

export interface NodeNetworkingAddonsProps {
  readonly cluster: EksCluster;
  /** The cluster's configured Kubernetes minor version, e.g. "1.35". */
  readonly kubernetesVersion: string;
}

/**
 * The managed add-ons a node needs before it turns Ready: the VPC CNI (with its own IRSA role,
 * trusted by kube-system:aws-node only), kube-proxy and the EKS Pod Identity agent. The cluster is
 * created without EKS's unmanaged copies, so node groups wait for these; CoreDNS comes after nodes.
 */
export class NodeNetworkingAddons extends Construct {
  public readonly vpcCni: ManagedAddon;
  public readonly vpcCniRole: IrsaRole;
  public readonly kubeProxy: ManagedAddon;
  public readonly podIdentityAgent: ManagedAddon;
  /** The add-on resources, for a node group's `dependsOn`. */
  public readonly addons: readonly EksAddon[];

  constructor(scope: Construct, id: string, props: NodeNetworkingAddonsProps) {
    super(scope, id);
    const { cluster, kubernetesVersion } = props;
    this.vpcCniRole = new IrsaRole(this, "vpc-cni-role", {
      name: `${cluster.name}-vpc-cni`,
      cluster,
      namespace: "kube-system",
      serviceAccount: VPC_CNI_SERVICE_ACCOUNT,
      managedPolicies: ["AmazonEKS_CNI_Policy"],
    });
    this.vpcCni = new ManagedAddon(this, "vpc-cni", { cluster, kubernetesVersion, addonName: "vpc-cni", serviceAccountRole: this.vpcCniRole.role });
    this.kubeProxy = new ManagedAddon(this, "kube-proxy", { cluster, kubernetesVersion, addonName: "kube-proxy" });
    this.podIdentityAgent = new ManagedAddon(this, "pod-identity-agent", { cluster, kubernetesVersion, addonName: "eks-pod-identity-agent" });
    this.addons = [this.vpcCni.addon, this.kubeProxy.addon, this.podIdentityAgent.addon];
  }
}
