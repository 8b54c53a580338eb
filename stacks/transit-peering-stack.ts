import type { Construct } from "constructs";
import { SHARED_ENVIRONMENT } from "../planning/reserved-names";
import { peeringPlan } from "../planning/routing-plan";
import { TransitPeering } from "../modules/network/transit-peering";
import { AccountStack, type AccountStackProps } from "./account-stack";
import type { TransitStack } from "./transit-stack";

export interface TransitPeeringStackProps extends Omit<AccountStackProps, "region" | "account" | "environment"> {
  /** Every region's transit stack, in the org's region order. */
  readonly transits: readonly TransitStack[];
}

/**
 * The full mesh between the regions' Transit Gateways (network account): one peering per region
 * pair, requested from the region listed first in the org and accepted by a provider in the peer
 * region, with the static routes each routing domain needs. It lives apart from the transit
 * stacks because each peering touches two regions.
 */
export class TransitPeeringStack extends AccountStack {
  public readonly peerings: readonly TransitPeering[];

  constructor(scope: Construct, name: string, props: TransitPeeringStackProps) {
    const home = Object.keys(props.org.regions)[0];
    super(scope, name, { ...props, environment: SHARED_ENVIRONMENT, account: props.org.networkAccount, region: home });
    const byRegion = new Map(props.transits.map((t) => [t.region, t]));
    const sideIn = (region: string) => {
      const transit = byRegion.get(region);
      if (!transit) throw new Error(`no transit stack for region ${region}; every region of the org needs one`);
      return { transitGateway: transit.outputsFor(this), provider: this.providerIn(region) };
    };
    this.peerings = peeringPlan(props.org).map(
      (plan) =>
        new TransitPeering(this, `peering-${plan.requester}-${plan.accepter}`, {
          requester: sideIn(plan.requester),
          accepter: sideIn(plan.accepter),
          accepterAccountId: this.account.id,
          routes: plan.routes,
          name: `${plan.requester}-${plan.accepter}`,
        }),
    );
  }
}
