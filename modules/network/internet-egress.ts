import { EgressOnlyInternetGateway } from "@cdktf/provider-aws/lib/egress-only-internet-gateway";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import type { Subnet } from "@cdktf/provider-aws/lib/subnet";
import type { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Construct } from "constructs";

/** The ways out of a VPC to the internet: internet gateway, NAT gateways, IPv6 egress-only gateway. */
export interface InternetEgressProps {
  readonly vpc: Vpc;
  /** Public subnet per AZ ID; NAT gateways live here. */
  readonly publicSubnets: Readonly<Record<string, Subnet>>;
  /**
   * One NAT gateway per AZ ID (a zone outage leaves the other zones' egress intact)
   * or a single one in the first AZ ID (cheaper; every zone depends on it).
   * @default "one-per-az"
   */
  readonly natGateways?: "one-per-az" | "single";
  /**
   * Add an egress-only internet gateway for IPv6 traffic out of the private tier.
   * @default false
   */
  readonly ipv6?: boolean;
  /** Prefix of Name tags, e.g. "dev-us-east-1". */
  readonly namePrefix: string;
}

export class InternetEgress extends Construct {
  public readonly internetGateway: InternetGateway;
  /** NAT gateway serving each AZ ID (the same one for every AZ ID when there is a single one). */
  public readonly natByAzId: Readonly<Record<string, NatGateway>>;
  public readonly egressOnlyGateway?: EgressOnlyInternetGateway;

  constructor(scope: Construct, id: string, props: InternetEgressProps) {
    super(scope, id);
    const azIds = Object.keys(props.publicSubnets);
    this.internetGateway = new InternetGateway(this, "igw", { vpcId: props.vpc.id, tags: { Name: props.namePrefix } });
    const natAzIds = (props.natGateways ?? "one-per-az") === "single" ? azIds.slice(0, 1) : azIds;
    const nats = Object.fromEntries(
      natAzIds.map((azId) => {
        const eip = new Eip(this, `nat-eip-${azId}`, { domain: "vpc", tags: { Name: `${props.namePrefix}-nat-${azId}` } });
        const nat = new NatGateway(this, `nat-${azId}`, {
          allocationId: eip.allocationId,
          subnetId: props.publicSubnets[azId].id,
          tags: { Name: `${props.namePrefix}-nat-${azId}` },
          // A NAT gateway needs the internet gateway to reach anything.
          dependsOn: [this.internetGateway],
        });
        return [azId, nat];
      }),
    );
    this.natByAzId = Object.fromEntries(azIds.map((azId) => [azId, nats[azId] ?? nats[natAzIds[0]]]));
    if (props.ipv6) {
      this.egressOnlyGateway = new EgressOnlyInternetGateway(this, "eigw", { vpcId: props.vpc.id, tags: { Name: props.namePrefix } });
    }
  }
}
