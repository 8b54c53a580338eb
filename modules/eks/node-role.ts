import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { Construct } from "constructs";
import { awsManagedPolicyArn, type Partition } from "../../planning/partition";
import { NODE_MANAGED_POLICIES } from "./managed-policies";

export interface NodeRoleProps {
  /** Role name, e.g. "dev-us-east-1-karpenter-node". */
  readonly name: string;
  /** Partition of the cluster the nodes join (that of its region): the managed policies are in it. */
  readonly partition: Partition;
  /**
   * Also create an instance profile of the same name (Karpenter launches nodes with it).
   * @default false (managed node groups make their own)
   */
  readonly instanceProfile?: boolean;
}

/** The IAM role EC2 worker nodes run as, with the four managed policies every EKS node needs. */
export class NodeRole extends Construct {
  public readonly role: IamRole;
  public readonly instanceProfile?: IamInstanceProfile;
  /** The managed-policy attachments: what launches nodes waits for them, and they outlive the nodes on destroy. */
  public readonly policyAttachments: readonly IamRolePolicyAttachment[];

  constructor(scope: Construct, id: string, props: NodeRoleProps) {
    super(scope, id);
    const trust = new DataAwsIamPolicyDocument(this, "trust", {
      statement: [{ effect: "Allow", actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["ec2.amazonaws.com"] }] }],
    });
    this.role = new IamRole(this, "role", { name: props.name, assumeRolePolicy: trust.json });
    this.policyAttachments = NODE_MANAGED_POLICIES.map(
      (policy) => new IamRolePolicyAttachment(this, policy, { role: this.role.name, policyArn: awsManagedPolicyArn(props.partition, policy) }),
    );
    if (props.instanceProfile) this.instanceProfile = new IamInstanceProfile(this, "profile", { name: props.name, role: this.role.name });
  }
}
