import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import type { Vpc } from "@cdktf/provider-aws/lib/vpc";
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
    this.byAzId = Object.fromEntries(
      Object.entries(props.cidrByAzId).map(([azId, cidr]) => [
        azId,
        new Subnet(this, azId, {
          vpcId: props.vpc.id,
          cidrBlock: cidr,
          availabilityZoneId: azId,
          tags: { Name: `${props.namePrefix}-${props.tier}-${azId}`, tier: props.tier },
        }),
      ]),
    );
  }
}
