import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import type { IamPolicy } from "@cdktf/provider-aws/lib/iam-policy";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import type { EksCluster } from "./cluster";
import { awsManagedPolicyArn } from "../../planning/partition";

export interface IrsaRoleProps {
  /** Role name, e.g. "dev-us-east-1-karpenter". */
  readonly name: string;
  /** The cluster whose OIDC provider issues the service account's tokens. */
  readonly cluster: EksCluster;
  readonly namespace: string;
  readonly serviceAccount: string;
  /** AWS-managed policies by name, e.g. ["service-role/AmazonEFSCSIDriverPolicy"]. @default [] */
  readonly managedPolicies?: readonly string[];
  /** Customer-managed policies to attach. @default [] */
  readonly policies?: readonly IamPolicy[];
}

/**
 * A role exactly one Kubernetes service account can assume (IAM roles for service accounts):
 * the trust names the cluster's OIDC provider and pins both token claims with StringEquals,
 * so no other service account, namespace or audience gets in (a StringLike "*" would).
 */
export class IrsaRole extends Construct {
  public readonly role: IamRole;
  /** "system:serviceaccount:<namespace>:<name>", the token's `sub`. */
  public readonly subject: string;

  constructor(scope: Construct, id: string, props: IrsaRoleProps) {
    super(scope, id);
    const { cluster } = props;
    this.subject = `system:serviceaccount:${props.namespace}:${props.serviceAccount}`;
    const trust = new DataAwsIamPolicyDocument(this, "trust", {
      statement: [
        {
          effect: "Allow",
          actions: ["sts:AssumeRoleWithWebIdentity"],
          principals: [{ type: "Federated", identifiers: [cluster.oidcProvider.arn] }],
          condition: [
            { test: "StringEquals", variable: `${cluster.issuerHostPath}:sub`, values: [this.subject] },
            { test: "StringEquals", variable: `${cluster.issuerHostPath}:aud`, values: ["sts.amazonaws.com"] },
          ],
        },
      ],
    });
    this.role = new IamRole(this, "role", { name: props.name, assumeRolePolicy: trust.json });
    for (const name of props.managedPolicies ?? []) {
      new IamRolePolicyAttachment(this, `managed-${name.split("/").pop()}`, { role: this.role.name, policyArn: awsManagedPolicyArn(cluster.partition, name) });
    }
    (props.policies ?? []).forEach((policy, i) => new IamRolePolicyAttachment(this, `policy-${i}`, { role: this.role.name, policyArn: policy.arn }));
  }
}
