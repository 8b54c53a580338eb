import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import type { Subnet } from "@cdktf/provider-aws/lib/subnet";
import type { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Construct } from "constructs";
import type { SubnetTier } from "../../planning/names";
import type { InternetEgress } from "./internet-egress";

/** Route tables of the four tiers and their ways out. */
export interface TierRouteTablesProps {
  readonly vpc: Vpc;
  /** Subnet per tier, then per AZ ID. */
  readonly subnets: Readonly<Record<SubnetTier, Readonly<Record<string, Subnet>>>>;
  readonly egress: InternetEgress;
  /** Prefix of Name tags, e.g. "dev-us-east-1". */
  readonly namePrefix: string;
}

/**
 * public: one table, default routes to the internet gateway.
 * private: one table per AZ ID, so each zone leaves through its own NAT gateway (IPv6 through the
 * egress-only gateway); Transit Gateway routes and gateway endpoints are added by their owners.
 * data and transit: one table each, local routes only (no way to the internet).
 */
export class TierRouteTables extends Construct {
  public readonly publicTable: RouteTable;
  public readonly privateByAzId: Readonly<Record<string, RouteTable>>;
  public readonly dataTable: RouteTable;
  public readonly transitTable: RouteTable;

  constructor(scope: Construct, id: string, props: TierRouteTablesProps) {
    super(scope, id);
    const table = (name: string): RouteTable => new RouteTable(this, name, { vpcId: props.vpc.id, tags: { Name: `${props.namePrefix}-${name}` } });
    const associate = (tier: SubnetTier, tableFor: (azId: string) => RouteTable): void => {
      for (const [azId, subnet] of Object.entries(props.subnets[tier])) {
        new RouteTableAssociation(this, `association-${tier}-${azId}`, { subnetId: subnet.id, routeTableId: tableFor(azId).id });
      }
    };
    const { egress } = props;

    this.publicTable = table("public");
    new Route(this, "public-default", { routeTableId: this.publicTable.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: egress.internetGateway.id });
    if (egress.egressOnlyGateway) {
      new Route(this, "public-default-ipv6", { routeTableId: this.publicTable.id, destinationIpv6CidrBlock: "::/0", gatewayId: egress.internetGateway.id });
    }
    associate("public", () => this.publicTable);

    this.privateByAzId = Object.fromEntries(
      Object.keys(props.subnets.private).map((azId) => {
        const rt = table(`private-${azId}`);
        new Route(this, `private-${azId}-default`, { routeTableId: rt.id, destinationCidrBlock: "0.0.0.0/0", natGatewayId: egress.natByAzId[azId].id });
        if (egress.egressOnlyGateway) {
          new Route(this, `private-${azId}-default-ipv6`, {
            routeTableId: rt.id,
            destinationIpv6CidrBlock: "::/0",
            egressOnlyGatewayId: egress.egressOnlyGateway.id,
          });
        }
        return [azId, rt];
      }),
    );
    associate("private", (azId) => this.privateByAzId[azId]);

    this.dataTable = table("data");
    associate("data", () => this.dataTable);
    this.transitTable = table("transit");
    associate("transit", () => this.transitTable);
  }

  /** The private tables in AZ ID order. */
  public get privateTables(): RouteTable[] {
    return Object.values(this.privateByAzId);
  }
}
