import { DataAwsEksClusterAuth } from "@cdktf/provider-aws/lib/data-aws-eks-cluster-auth";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { Fn } from "cdktf";
import { Construct } from "constructs";

export interface ClusterConnectionProps {
  readonly clusterName: string;
  /** API endpoint, from the cluster stack's state. */
  readonly endpoint: string;
  /** Base64 PEM of the cluster CA, from the cluster stack's state. */
  readonly certificateAuthority: string;
}

/**
 * The Helm and Kubernetes providers of a stack that works inside a cluster. Endpoint and CA come
 * from the cluster stack's state (known at plan, because that stack applied first); the token
 * is a short-lived one for the role the stack's AWS provider assumed, which the cluster admits
 * through its "deployer" access entry.
 */
export class ClusterConnection extends Construct {
  public readonly helm: HelmProvider;
  public readonly kubernetes: KubernetesProvider;

  constructor(scope: Construct, id: string, props: ClusterConnectionProps) {
    super(scope, id);
    const auth = new DataAwsEksClusterAuth(this, "auth", { name: props.clusterName });
    const caCertificate = Fn.base64decode(props.certificateAuthority);
    this.kubernetes = new KubernetesProvider(this, "kubernetes", { host: props.endpoint, clusterCaCertificate: caCertificate, token: auth.token });
    this.helm = new HelmProvider(this, "helm", { kubernetes: { host: props.endpoint, clusterCaCertificate: caCertificate, token: auth.token } });
  }
}
