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
   * Dual-stack: the /64 number (inside the VPC's /56) of each AZ ID's subnet, fixed per AZ ID so
   * that adding one never moves another. The VPC must have an IPv6 block.
   * @default undefined (IPv4 only)
   */
  readonly ipv6NetnumByAzId?: Readonly<Record<string, number>>;
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
    const netnums = props.ipv6NetnumByAzId;
    this.byAzId = Object.fromEntries(
      Object.entries(props.cidrByAzId).map(([azId, cidr]) => [
        azId,
        new Subnet(this, azId, {
          vpcId: props.vpc.id,
          cidrBlock: cidr,
          availabilityZoneId: azId,
          ...(netnums ? { ipv6CidrBlock: Fn.cidrsubnet(props.vpc.ipv6CidrBlock, 8, netnumOf(netnums, azId)), assignIpv6AddressOnCreation: true } : {}),
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

function netnumOf(netnums: Readonly<Record<string, number>>, azId: string): number {
  const netnum = netnums[azId];
  if (netnum === undefined) throw new Error(`no IPv6 /64 number for ${azId}; ipv6NetnumByAzId must name every AZ ID of cidrByAzId`);
  return netnum;
}
