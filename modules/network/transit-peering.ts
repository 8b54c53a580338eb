import { Ec2TransitGatewayPeeringAttachment } from "@cdktf/provider-aws/lib/ec2-transit-gateway-peering-attachment";
import { Ec2TransitGatewayPeeringAttachmentAccepter } from "@cdktf/provider-aws/lib/ec2-transit-gateway-peering-attachment-accepter";
import { Ec2TransitGatewayRoute } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route";
import { Ec2TransitGatewayRouteTableAssociation } from "@cdktf/provider-aws/lib/ec2-transit-gateway-route-table-association";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Construct } from "constructs";
import type { PeeringRoutes } from "../../planning/routing-plan";
import type { TransitGatewayRef } from "./transit-gateway-ref";

/** One end of a peering: a Transit Gateway and a provider in its region. */
export interface PeeringSide {
  readonly transitGateway: TransitGatewayRef;
  readonly provider: AwsProvider;
}

/** A peering between two regions' Transit Gateways, with the static routes over it. */
export interface TransitPeeringProps {
  readonly requester: PeeringSide;
  readonly accepter: PeeringSide;
  /** Account owning the accepter's Transit Gateway. */
  readonly accepterAccountId: string;
  /** Static routes, per region and routing domain, through this peering. */
  readonly routes: readonly PeeringRoutes[];
  /** Name tag, e.g. "us-east-1-eu-west-1". */
  readonly name: string;
}

/**
 * Peering carries no propagation: every route across it is static. AWS allows one peering
 * attachment per gateway pair and one route-table association per attachment, so each side
 * associates it with its peering table (where arriving traffic is looked up) while the domain
 * tables only point routes at it.
 */
export class TransitPeering extends Construct {
  public readonly attachment: Ec2TransitGatewayPeeringAttachment;
  public readonly accepter: Ec2TransitGatewayPeeringAttachmentAccepter;
  public readonly routes: readonly Ec2TransitGatewayRoute[];

  constructor(scope: Construct, id: string, props: TransitPeeringProps) {
    super(scope, id);
    const { requester, accepter } = props;
    this.attachment = new Ec2TransitGatewayPeeringAttachment(this, "attachment", {
      provider: requester.provider,
      transitGatewayId: requester.transitGateway.transitGatewayId,
      peerTransitGatewayId: accepter.transitGateway.transitGatewayId,
      peerRegion: accepter.transitGateway.region,
      peerAccountId: props.accepterAccountId,
      tags: { Name: props.name },
    });
    this.accepter = new Ec2TransitGatewayPeeringAttachmentAccepter(this, "accepter", {
      provider: accepter.provider,
      transitGatewayAttachmentId: this.attachment.id,
      tags: { Name: props.name },
    });
    // Referencing the accepter's copy of the id orders everything below after the acceptance.
    const attachmentId = this.accepter.transitGatewayAttachmentId;
    const sides = [requester, accepter];
    for (const side of sides) {
      const table = side.transitGateway.peeringRouteTableId;
      if (!table) throw new Error(`Transit Gateway in ${side.transitGateway.region} has no peering route table; peered gateways need one`);
      new Ec2TransitGatewayRouteTableAssociation(this, `association-${side.transitGateway.region}`, {
        provider: side.provider,
        transitGatewayAttachmentId: attachmentId,
        transitGatewayRouteTableId: table,
      });
    }
    this.routes = props.routes.flatMap((r) => {
      const side = sides.find((s) => s.transitGateway.region === r.region);
      if (!side) throw new Error(`peering ${props.name} has no side in ${r.region}`);
      return r.cidrs.map(
        (cidr) =>
          new Ec2TransitGatewayRoute(this, `route-${r.region}-${r.domain}-${cidr.replace(/[./]/g, "-")}`, {
            provider: side.provider,
            transitGatewayRouteTableId: side.transitGateway.routeTableId(r.domain),
            destinationCidrBlock: cidr,
            transitGatewayAttachmentId: attachmentId,
          }),
      );
    });
  }
}
