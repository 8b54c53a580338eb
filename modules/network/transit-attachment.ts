import { Ec2TransitGatewayRouteTableAssociation } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-association";
import { Ec2TransitGatewayRouteTablePropagation } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-propagation";
import { Ec2TransitGatewayVpcAttachment } from "@cdktf/provider-aws/lib/ec2-transit-gateway-vpc-attachment";
import { Route } from "@cdktf/provider-aws/lib/route";
import type { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import type { Subnet } from "@cdktf/provider-aws/lib/subnet";
import type { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Construct } from "constructs";
import type { TransitGatewayRef } from "./transit-gateway-ref";

/** A VPC plugged into its region's Transit Gateway, in one routing domain. */
export interface TransitAttachmentProps {
  readonly vpc: Vpc;
  /** The dedicated transit subnets, one per AZ ID: the gateway puts an interface in each. */
  readonly subnets: readonly Subnet[];
  readonly transitGateway: TransitGatewayRef;
  /** Routing domain whose route table the VPC associates with and propagates into. */
  readonly domain: string;
  /** VPC route tables that send `destinations` to the gateway. */
  readonly routeTables: Readonly<Record<string, RouteTable>>;
  /** CIDRs sent to the gateway from `routeTables`. */
  readonly destinations: readonly string[];
  /**
   * Carry IPv6 through the attachment.
   * @default false
   */
  readonly ipv6?: boolean;
  /** Name tag, e.g. "dev-us-east-1". */
  readonly name: string;
}

/**
 * Association decides where the VPC's traffic is looked up (its domain's table); propagation
 * decides who can reach it back (its domain's table, and the peering table that receives traffic
 * from other regions).
 */
export class TransitAttachment extends Construct {
  public readonly attachment: Ec2TransitGatewayVpcAttachment;

  constructor(scope: Construct, id: string, props: TransitAttachmentProps) {
    super(scope, id);
    const tgw = props.transitGateway;
    this.attachment = new Ec2TransitGatewayVpcAttachment(this, "attachment", {
      transitGatewayId: tgw.transitGatewayId,
      vpcId: props.vpc.id,
      subnetIds: props.subnets.map((s) => s.id),
      dnsSupport: "enable",
      ipv6Support: props.ipv6 ? "enable" : "disable",
      transitGatewayDefaultRouteTableAssociation: false,
      transitGatewayDefaultRouteTablePropagation: false,
      tags: { Name: props.name },
    });
    new Ec2TransitGatewayRouteTableAssociation(this, "association", {
      transitGatewayAttachmentId: this.attachment.id,
      transitGatewayRouteTableId: tgw.routeTableId(props.domain),
    });
    new Ec2TransitGatewayRouteTablePropagation(this, "propagation", {
      transitGatewayAttachmentId: this.attachment.id,
      transitGatewayRouteTableId: tgw.routeTableId(props.domain),
    });
    if (tgw.peeringRouteTableId) {
      new Ec2TransitGatewayRouteTablePropagation(this, "propagation-peering", {
        transitGatewayAttachmentId: this.attachment.id,
        transitGatewayRouteTableId: tgw.peeringRouteTableId,
      });
    }
    for (const [key, table] of Object.entries(props.routeTables)) {
      for (const cidr of props.destinations) {
        new Route(this, `route-${key}-${cidr.replace(/[./]/g, "-")}`, {
          routeTableId: table.id,
          destinationCidrBlock: cidr,
          transitGatewayId: tgw.transitGatewayId,
          // A route to a gateway the VPC is not attached to yet is refused.
          dependsOn: [this.attachment],
        });
      }
    }
  }
}
