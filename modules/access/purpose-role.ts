import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";

/** A role made for one purpose: who may assume it and what it may do, nothing attached from elsewhere. */
export interface PurposeRoleProps {
  /** Role name, the same in every account (e.g. "orgplat-plan"). */
  readonly name: string;
  readonly description: string;
  /** Who may assume the role (see trust-statements.ts); at least one statement. */
  readonly trust: readonly DataAwsIamPolicyDocumentStatement[];
  /** What the role may do, as one inline policy. */
  readonly permissions: readonly DataAwsIamPolicyDocumentStatement[];
  /**
   * Longest session, in seconds; a long apply (an EKS cluster) must fit in one.
   * @default 3600
   */
  readonly maxSessionSeconds?: number;
}

export class PurposeRole extends Construct {
  public readonly role: IamRole;

  constructor(scope: Construct, id: string, props: PurposeRoleProps) {
    super(scope, id);
    if (!props.trust.length) throw new Error(`role ${props.name} needs at least one trust statement`);
    const trust = new DataAwsIamPolicyDocument(this, "trust", { statement: [...props.trust] });
    this.role = new IamRole(this, "role", {
      name: props.name,
      description: props.description,
      assumeRolePolicy: trust.json,
      maxSessionDuration: props.maxSessionSeconds ?? 3600,
    });
    const permissions = new DataAwsIamPolicyDocument(this, "permissions", { statement: [...props.permissions] });
    new IamRolePolicy(this, "policy", { name: props.name, role: this.role.name, policy: permissions.json });
  }
}
