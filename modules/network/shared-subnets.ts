import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import type { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Fn } from "cdktf";
import { Construct } from "constructs";

/** Subnets of one tier, one per AZ ID, in a VPC the network account owns. */
export interface SharedSubnetsProps {
  /** VPC to carve the subnets from. */
  readonly vpc: Vpc;
  /** Subnet CIDR per AZ ID, e.g. { "use1-az1": "10.0.0.0/20" }. */
  readonly cidrByAzId: Readonly<Record<string, string>>;
  /** Tier name used in Name tags and outputs. */
  readonly tier: string;
  /** Prefix of Name tags, e.g. "dev-us-east-1". */
  readonly namePrefix: string;
  /**
   * Dual-stack: the /64 number (inside the VPC's /56) of the first AZ ID's subnet; the others
   * follow in AZ ID order. The VPC must have an IPv6 block.
   * @default undefined (IPv4 only)
   */
  readonly ipv6FirstNetnum?: number;
}

/**
 * Placed by AZ ID, never by AZ name: "us-east-1a" is a different data centre in every account,
 * while a shared subnet must be in the same zone for every account that uses it.
 */
export class SharedSubnets extends Construct {
  /** Subnet per AZ ID, for RAM shares and consumers. */
  public readonly byAzId: Readonly<Record<string, Subnet>>;

  constructor(scope: Construct, id: string, props: SharedSubnetsProps) {
    super(scope, id);
    const dualStack = props.ipv6FirstNetnum !== undefined;
    this.byAzId = Object.fromEntries(
      Object.entries(props.cidrByAzId).map(([azId, cidr], i) => [
        azId,
        new Subnet(this, azId, {
          vpcId: props.vpc.id,
          cidrBlock: cidr,
          availabilityZoneId: azId,
          ...(dualStack
            ? { ipv6CidrBlock: Fn.cidrsubnet(props.vpc.ipv6CidrBlock, 8, props.ipv6FirstNetnum! + i), assignIpv6AddressOnCreation: true }
            : {}),
          tags: { Name: `${props.namePrefix}-${props.tier}-${azId}`, tier: props.tier },
        }),
      ]),
    );
  }

  /** The subnets in AZ ID order. */
  public get all(): Subnet[] {
    return Object.values(this.byAzId);
  }
}
