import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Construct } from "constructs";
import { keyRoleStatements, rolesOf } from "../state/state-access-policies";
import { partitionOf } from "../../planning/partition";

/** Who administers and who uses a cluster's key, by role ARN (the roles may not exist when the key is made). */
export interface ClusterKeyRoles {
  /** Administer the key, never encrypt or decrypt with it (the deploy and break-glass roles). */
  readonly administrators: readonly string[];
  /** Create the cluster and its file system, granting EKS and EFS the key through those services (the deploy role). */
  readonly deployer: string;
  /** Reads the key's settings during plans (the plan role). */
  readonly planner: string;
  /** The cluster's own role: envelope encryption of Kubernetes secrets. */
  readonly controlPlane: string;
}

export interface ClusterKeyProps {
  /** Cluster name; the key's alias is "alias/eks/<name>". */
  readonly clusterName: string;
  readonly accountId: string;
  readonly region: string;
  readonly roles: ClusterKeyRoles;
  /**
   * Days a scheduled deletion waits (7-30); deletion itself is refused by prevent_destroy.
   * @default 30
   */
  readonly deletionWindowDays?: number;
}

/**
 * The customer-managed key of one cluster: envelope encryption of Kubernetes secrets and
 * encryption at rest of the cluster's EFS file system. Rotated yearly; losing it loses every
 * secret and file, so it refuses destroy. Its policy splits administration from use, and the
 * deployer uses it only through EKS and EFS in this account.
 */
export class ClusterKey extends Construct {
  public readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: ClusterKeyProps) {
    super(scope, id);
    const { accountId, region, roles } = props;
    const inAccount = (arns: readonly string[]) => rolesOf(accountId, arns, partitionOf(region));
    const policy = new DataAwsIamPolicyDocument(this, "policy", {
      statement: [
        ...keyRoleStatements(accountId, roles, partitionOf(region)),
        {
          sid: "GrantsThroughEksAndEfs",
          effect: "Allow",
          actions: ["kms:CreateGrant", "kms:DescribeKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:Encrypt", "kms:Decrypt"],
          resources: ["*"],
          principals: inAccount([roles.deployer]).principals,
          condition: [
            ...inAccount([roles.deployer]).condition,
            { test: "StringEquals", variable: "kms:ViaService", values: [`eks.${region}.amazonaws.com`, `elasticfilesystem.${region}.amazonaws.com`] },
            { test: "StringEquals", variable: "kms:CallerAccount", values: [accountId] },
          ],
        },
        {
          sid: "SecretsEnvelopeEncryption",
          effect: "Allow",
          actions: ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"],
          resources: ["*"],
          ...inAccount([roles.controlPlane]),
        },
      ],
    });
    this.key = new KmsKey(this, "key", {
      description: `EKS ${props.clusterName}: Kubernetes secrets and EFS`,
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowDays ?? 30,
      policy: policy.json,
      lifecycle: { preventDestroy: true },
    });
    new KmsAlias(this, "alias", { name: `alias/eks/${props.clusterName}`, targetKeyId: this.key.keyId });
  }
}
