import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Construct } from "constructs";

/** A VPC owned by the network account, whose subnets are shared with workload accounts. */
export interface SharedVpcProps {
  /** IPv4 CIDR of the VPC. */
  readonly cidr: string;
  /** Name tag, e.g. "dev-us-east-1". */
  readonly name: string;
  /**
   * Dual-stack: ask AWS for an Amazon-provided IPv6 /56.
   * @default false
   */
  readonly ipv6?: boolean;
}

export class SharedVpc extends Construct {
  public readonly vpc: Vpc;
  public readonly ipv6: boolean;

  constructor(scope: Construct, id: string, props: SharedVpcProps) {
    super(scope, id);
    this.ipv6 = props.ipv6 ?? false;
    this.vpc = new Vpc(this, "vpc", {
      cidrBlock: props.cidr,
      // Interface endpoints with private DNS and EKS nodes need both.
      enableDnsSupport: true,
      enableDnsHostnames: true,
      assignGeneratedIpv6CidrBlock: this.ipv6 || undefined,
      tags: { Name: props.name },
    });
    // The default security group allows everything among its members; with no rules it cannot be
    // used by accident (participants cannot use the owner's default group anyway).
    new DefaultSecurityGroup(this, "default-security-group", {
      vpcId: this.vpc.id,
      tags: { Name: `${props.name}-default-unused` },
    });
  }

  /** The VPC's IPv6 block, or undefined for an IPv4-only VPC. */
  public get ipv6Cidr(): string | undefined {
    return this.ipv6 ? this.vpc.ipv6CidrBlock : undefined;
  }
}
