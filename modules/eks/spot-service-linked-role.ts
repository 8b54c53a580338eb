import { IamServiceLinkedRole } from "@cdktf/provider-aws/lib/iam-service-linked-role";
import { Construct } from "constructs";

/** The role EC2 creates Spot instances with; one per account, named by AWS. */
export const SPOT_SERVICE_LINKED_ROLE = { service: "spot.amazonaws.com", name: "AWSServiceRoleForEC2Spot" } as const;

/**
 * The account's EC2 Spot service-linked role. Without it Karpenter's first Spot launch fails and it
 * marks every Spot offering unavailable, so everything runs On-Demand. One per account: only one
 * stack of the account may own it, and creating it where it already exists fails ("has been taken
 * in this account"), so an account that used Spot before declares it as existing instead.
 */
export class SpotServiceLinkedRole extends Construct {
  public readonly role: IamServiceLinkedRole;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.role = new IamServiceLinkedRole(this, "role", {
      awsServiceName: SPOT_SERVICE_LINKED_ROLE.service,
      description: "EC2 Spot instances of Karpenter and AWS Batch",
    });
  }
}
