import type { Construct } from "constructs";
import type { RegionModel } from "../planning/model";
import { SHARED_ENVIRONMENT } from "../planning/reserved-names";
import { ResourceShare } from "../modules/network/resource-share";
import { domainsIn, isMeshed } from "../planning/routing-plan";
import { sharePrincipalsOf } from "../modules/network/share-principals";
import type { TransitGatewayRef } from "../modules/network/transit-gateway-ref";
import { TransitHub } from "../modules/network/transit-hub";
import { AccountStack, type AccountStackProps } from "./account-stack";
import { TRANSIT_OUTPUTS } from "./output-contracts";
import { readOutputs, writeOutputs } from "./stack-outputs";

export interface TransitStackProps extends Omit<AccountStackProps, "region" | "account" | "environment"> {
  /** The region whose Transit Gateway this stack owns. */
  readonly regionModel: RegionModel;
}

/** What network and peering stacks read from a transit stack's state. */
export type TransitOutputs = TransitGatewayRef;

/**
 * The region's Transit Gateway (network account), one route table per routing domain present in
 * the region, and a RAM share of the gateway to the workload accounts of those environments.
 */
export class TransitStack extends AccountStack {
  public readonly hub: TransitHub;
  public readonly regionModel: RegionModel;
  public readonly share?: ResourceShare;

  constructor(scope: Construct, name: string, props: TransitStackProps) {
    super(scope, name, { ...props, environment: SHARED_ENVIRONMENT, account: props.org.networkAccount, region: props.regionModel.name });
    this.regionModel = props.regionModel;
    const org = props.org;
    this.hub = new TransitHub(this, "hub", {
      name,
      amazonSideAsn: props.regionModel.transitGatewayAsn,
      domains: domainsIn(org, this.region),
      peered: isMeshed(org),
    });
    const principals = [
      ...new Set(org.environments.filter((e) => e.vpcs.some((v) => v.region.name === this.region)).flatMap((e) => sharePrincipalsOf(org, e))),
    ];
    // Workload accounts attach their own VPCs to the shared gateway; the network account accepts.
    if (principals.length) {
      this.share = new ResourceShare(this, "share", { name: `${name}-gateway`, resources: { "transit-gateway": this.hub.transitGateway }, principals });
    }

    writeOutputs(this, TRANSIT_OUTPUTS, {
      transitGatewayId: this.hub.transitGateway.id,
      routeTableId: Object.fromEntries(Object.entries(this.hub.routeTableByDomain).map(([domain, rt]) => [domain, rt.id])),
      peeringRouteTableId: this.hub.peeringRouteTable?.id,
    });
  }

  /** Typed access to this stack's outputs from `consumer`, through remote state. */
  public outputsFor(consumer: AccountStack): TransitOutputs {
    const outputs = readOutputs(TRANSIT_OUTPUTS, consumer.remoteStateOf(this));
    return {
      region: this.region,
      transitGatewayId: outputs.transitGatewayId,
      routeTableId: (domain) => {
        if (!(domain in this.hub.routeTableByDomain)) throw new Error(`${this.node.id} has no route table for routing domain "${domain}"`);
        return outputs.routeTableId(domain);
      },
      peeringRouteTableId: this.hub.peeringRouteTable ? outputs.peeringRouteTableId : undefined,
    };
  }
}
