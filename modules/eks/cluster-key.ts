import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Construct } from "constructs";

export interface ClusterKeyProps {
  /** Cluster name; the key's alias is "alias/eks/<name>". */
  readonly clusterName: string;
  /**
   * Days a scheduled deletion waits (7-30); deletion itself is refused by prevent_destroy.
   * @default 30
   */
  readonly deletionWindowDays?: number;
}

/**
 * The customer-managed key of one cluster: envelope encryption of Kubernetes secrets and
 * encryption at rest of the cluster's EFS file system. Rotated yearly; losing it loses every
 * secret and file, so it refuses destroy.
 */
export class ClusterKey extends Construct {
  public readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: ClusterKeyProps) {
    super(scope, id);
    this.key = new KmsKey(this, "key", {
      description: `EKS ${props.clusterName}: Kubernetes secrets and EFS`,
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowDays ?? 30,
      lifecycle: { preventDestroy: true },
    });
    new KmsAlias(this, "alias", { name: `alias/eks/${props.clusterName}`, targetKeyId: this.key.keyId });
  }
}
