import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { EksCluster as EksClusterResource } from "@cdktf/provider-aws/lib/eks-cluster";
import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import type { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import type { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Fn } from "cdktf";
import { Construct } from "constructs";
import { awsManagedPolicyArn, partitionOf, regionalArn, type Partition } from "../../planning/partition";
import { TieredLogGroup, type LogRetentionDays } from "../observability/tiered-log-group";

/** Name of the control plane's role, known before the cluster so its key's policy can name it. */
export function clusterRoleName(clusterName: string): string {
  return `${clusterName}-cluster`;
}

/** Every control-plane log stream EKS offers. */
export const CONTROL_PLANE_LOG_TYPES = ["api", "audit", "authenticator", "controllerManager", "scheduler"] as const;

export interface EksClusterProps {
  /** Cluster name, e.g. "dev-us-east-1". */
  readonly name: string;
  /** Kubernetes minor version, e.g. "1.35". Changing it upgrades the control plane in place. */
  readonly kubernetesVersion: string;
  /**
   * What EKS does when the version leaves standard support: "STANDARD" upgrades the cluster,
   * "EXTENDED" keeps the version and bills extended support.
   * @default "STANDARD"
   */
  readonly supportType?: "STANDARD" | "EXTENDED";
  /** Account and region the cluster lives in: its ARN is known before apply. */
  readonly accountId: string;
  readonly region: string;
  /** Shared private subnets the control plane places its ENIs in, one per AZ ID. */
  readonly subnetIds: readonly string[];
  /** The control plane's own security group (besides the one EKS creates). */
  readonly securityGroup: SecurityGroup;
  /** Envelope encryption of Kubernetes secrets. */
  readonly secretsKey: KmsKey;
  /**
   * CIDRs allowed to the public API endpoint.
   * @default [] (the public endpoint is off; the API is reachable from the VPC and its peers only)
   */
  readonly publicAccessCidrs?: readonly string[];
  /** Days per log tier of the environment; control-plane (and audit) logs are the security tier. */
  readonly logRetentionDays: LogRetentionDays;
  /** Key of this account and region the control-plane log group is encrypted with (see LogGroupKey). */
  readonly logKey: KmsKey;
}

/**
 * An EKS control plane on shared subnets: private endpoint, secrets encrypted with a customer key,
 * access entries only (authentication mode API, no aws-auth ConfigMap, no implicit admin for
 * whoever created it), every control-plane log type, an upgrade policy, no unmanaged add-ons,
 * and the OIDC provider IRSA roles trust.
 */
export class EksCluster extends Construct {
  public readonly cluster: EksClusterResource;
  public readonly role: IamRole;
  public readonly oidcProvider: IamOpenidConnectProvider;
  /** Issuer without "https://", the prefix of IRSA condition keys ("<issuer>:sub"). */
  public readonly issuerHostPath: string;
  /** ARN built from known parts, so policies naming it do not wait for (or change with) the cluster. */
  public readonly arn: string;
  public readonly name: string;
  /** Partition of the cluster's region: the ARNs of policies it uses are in it. */
  public readonly partition: Partition;

  constructor(scope: Construct, id: string, props: EksClusterProps) {
    super(scope, id);
    this.name = props.name;
    this.partition = partitionOf(props.region);
    this.arn = regionalArn(props.region, "eks", props.accountId, `cluster/${props.name}`);

    // Created before the cluster so its retention applies from the first log line (EKS would create it without one).
    const logGroup = new TieredLogGroup(this, "logs", {
      name: `/aws/eks/${props.name}/cluster`,
      tier: "security",
      retentionDays: props.logRetentionDays,
      key: props.logKey,
    });

    const trust = new DataAwsIamPolicyDocument(this, "trust", {
      statement: [
        {
          effect: "Allow",
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["eks.amazonaws.com"] }],
          // EKS accepts both keys in a cluster role trust: no other account's cluster can use this role (confused deputy).
          condition: [
            { test: "StringEquals", variable: "aws:SourceAccount", values: [props.accountId] },
            { test: "ArnLike", variable: "aws:SourceArn", values: [this.arn] },
          ],
        },
      ],
    });
    this.role = new IamRole(this, "role", { name: clusterRoleName(props.name), assumeRolePolicy: trust.json });
    const clusterPolicy = new IamRolePolicyAttachment(this, "cluster-policy", {
      role: this.role.name,
      policyArn: awsManagedPolicyArn(this.partition, "AmazonEKSClusterPolicy"),
    });
    const keyUse = new DataAwsIamPolicyDocument(this, "key-use", {
      statement: [
        {
          sid: "SecretsEnvelopeEncryption",
          effect: "Allow",
          actions: ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"],
          resources: [props.secretsKey.arn],
        },
      ],
    });
    const keyPolicy = new IamRolePolicy(this, "key-policy", { name: "secrets-encryption", role: this.role.name, policy: keyUse.json });

    const publicCidrs = [...(props.publicAccessCidrs ?? [])];
    this.cluster = new EksClusterResource(this, "cluster", {
      name: props.name,
      version: props.kubernetesVersion,
      roleArn: this.role.arn,
      vpcConfig: {
        subnetIds: [...props.subnetIds],
        securityGroupIds: [props.securityGroup.id],
        endpointPrivateAccess: true,
        endpointPublicAccess: publicCidrs.length > 0,
        publicAccessCidrs: publicCidrs.length ? publicCidrs : undefined,
      },
      accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
      encryptionConfig: { resources: ["secrets"], provider: { keyArn: props.secretsKey.arn } },
      enabledClusterLogTypes: [...CONTROL_PLANE_LOG_TYPES],
      upgradePolicy: { supportType: props.supportType ?? "STANDARD" },
      // Managed add-ons (ManagedAddons) replace the unmanaged vpc-cni, kube-proxy and CoreDNS that nothing would upgrade.
      bootstrapSelfManagedAddons: false,
      // The flag forces a new cluster: one created before it keeps its bootstrapped add-ons, which the managed ones take over.
      lifecycle: { ignoreChanges: ["bootstrap_self_managed_addons"] },
      // The role keeps its policies until the cluster is gone, so EKS can still delete its ENIs on destroy.
      dependsOn: [logGroup, clusterPolicy, keyPolicy],
    });

    const issuer = this.cluster.identity.get(0).oidc.get(0).issuer;
    this.oidcProvider = new IamOpenidConnectProvider(this, "oidc", { url: issuer, clientIdList: ["sts.amazonaws.com"] });
    this.issuerHostPath = Fn.replace(issuer, "https://", "");
  }
}
