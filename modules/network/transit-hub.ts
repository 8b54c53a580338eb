import { Ec2TransitGateway } from "@cdktf/provider-aws/lib/ec2-transit-gateway";
import { Ec2TransitGatewayRouteTable } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table";
import { Construct } from "constructs";
import { PEERING_ROUTE_TABLE } from "../../planning/reserved-names";

/** A region's Transit Gateway with one route table per routing domain. */
export interface TransitHubProps {
  /** Name tag, e.g. "shared-us-east-1". */
  readonly name: string;
  /** Private ASN of the Amazon side; every peered gateway needs its own. */
  readonly amazonSideAsn: number;
  /** Routing domains with VPCs in the region, e.g. ["nonprod", "prod"]. */
  readonly domains: readonly string[];
  /**
   * Add the route table that peering attachments associate with.
   * @default false
   */
  readonly peered?: boolean;
}

/**
 * Default association and propagation are off: an attachment reaches nothing until it is placed in
 * its domain's table on purpose, so prod and non-prod never meet by accident. Auto-accept is off:
 * an attachment from a workload account is accepted only by the network account.
 */
export class TransitHub extends Construct {
  public readonly transitGateway: Ec2TransitGateway;
  public readonly routeTableByDomain: Readonly<Record<string, Ec2TransitGatewayRouteTable>>;
  public readonly peeringRouteTable?: Ec2TransitGatewayRouteTable;

  constructor(scope: Construct, id: string, props: TransitHubProps) {
    super(scope, id);
    this.transitGateway = new Ec2TransitGateway(this, "tgw", {
      description: `${props.name} hub`,
      amazonSideAsn: props.amazonSideAsn,
      defaultRouteTableAssociation: "disable",
      defaultRouteTablePropagation: "disable",
      autoAcceptSharedAttachments: "disable",
      dnsSupport: "enable",
      vpnEcmpSupport: "enable",
      tags: { Name: props.name },
    });
    const table = (name: string): Ec2TransitGatewayRouteTable =>
      new Ec2TransitGatewayRouteTable(this, `route-table-${name}`, {
        transitGatewayId: this.transitGateway.id,
        tags: { Name: `${props.name}-${name}` },
      });
    this.routeTableByDomain = Object.fromEntries(props.domains.map((domain) => [domain, table(domain)]));
    if (props.peered) this.peeringRouteTable = table(PEERING_ROUTE_TABLE);
  }
}
