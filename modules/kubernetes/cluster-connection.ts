import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { Fn } from "cdktf";
import { Construct } from "constructs";

export interface ClusterConnectionProps {
  readonly clusterName: string;
  /** Region of the cluster. */
  readonly region: string;
  /** API endpoint, from the cluster stack's state. */
  readonly endpoint: string;
  /** Base64 PEM of the cluster CA, from the cluster stack's state. */
  readonly certificateAuthority: string;
  /**
   * Role the token is issued for: the one the stack's AWS provider assumes, which the cluster admits through an access entry.
   * @default undefined (the session's own identity, as in CI's session mode)
   */
  readonly roleArn?: string;
}

/** The exec credential plugin: `aws eks get-token` for the cluster, as `roleArn`. */
export interface EksTokenExec {
  readonly apiVersion: string;
  readonly command: string;
  readonly args: string[];
}

/**
 * The Helm and Kubernetes providers of a stack that works inside a cluster. Endpoint and CA come
 * from the cluster stack's state (known at plan, because that stack applied first). Credentials
 * come from `aws eks get-token`, run by the providers whenever they need a token: a token read
 * once at plan (`aws_eks_cluster_auth`) expires after 15 minutes, which a long apply or a saved
 * plan outlives.
 */
export class ClusterConnection extends Construct {
  public readonly helm: HelmProvider;
  public readonly kubernetes: KubernetesProvider;
  public readonly exec: EksTokenExec;

  constructor(scope: Construct, id: string, props: ClusterConnectionProps) {
    super(scope, id);
    this.exec = {
      apiVersion: "client.authentication.k8s.io/v1beta1",
      command: "aws",
      args: [
        "eks",
        "get-token",
        "--cluster-name",
        props.clusterName,
        "--region",
        props.region,
        ...(props.roleArn ? ["--role-arn", props.roleArn] : []),
        "--output",
        "json",
      ],
    };
    const caCertificate = Fn.base64decode(props.certificateAuthority);
    this.kubernetes = new KubernetesProvider(this, "kubernetes", { host: props.endpoint, clusterCaCertificate: caCertificate, exec: [{ ...this.exec }] });
    this.helm = new HelmProvider(this, "helm", { kubernetes: { host: props.endpoint, clusterCaCertificate: caCertificate, exec: { ...this.exec } } });
  }
}
