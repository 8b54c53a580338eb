import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Construct } from "constructs";

/** A VPC owned by the network account, whose subnets are shared with workload accounts. */
export interface SharedVpcProps {
  /** IPv4 CIDR of the VPC. */
  readonly cidr: string;
  /** Name tag, e.g. "dev-us-east-1". */
  readonly name: string;
}

export class SharedVpc extends Construct {
  public readonly vpc: Vpc;

  constructor(scope: Construct, id: string, props: SharedVpcProps) {
    super(scope, id);
    this.vpc = new Vpc(this, "vpc", {
      cidrBlock: props.cidr,
      // Interface endpoints with private DNS and EKS nodes need both.
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: { Name: props.name },
    });
  }
}
