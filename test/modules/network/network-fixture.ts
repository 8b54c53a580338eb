import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import type { Construct } from "constructs";
import { SUBNET_TIERS, type SubnetTier } from "../../../planning/names";
import { SharedSubnets } from "../../../modules/network/shared-subnets";

/** Subnet CIDRs of a small two-zone VPC, per tier and AZ ID. */
export const CIDRS: Record<SubnetTier, Record<string, string>> = {
  public: { "use1-az1": "10.0.48.0/24", "use1-az2": "10.0.49.0/24" },
  private: { "use1-az1": "10.0.0.0/20", "use1-az2": "10.0.16.0/20" },
  data: { "use1-az1": "10.0.50.0/24", "use1-az2": "10.0.51.0/24" },
  transit: { "use1-az1": "10.0.52.0/28", "use1-az2": "10.0.52.16/28" },
};

/** A VPC and its four tiers of subnets, for module tests. */
export function vpcWithSubnets(scope: Construct, ipv6 = false) {
  const vpc = new Vpc(scope, "vpc", { cidrBlock: "10.0.0.0/16", assignGeneratedIpv6CidrBlock: ipv6 || undefined });
  const subnets = Object.fromEntries(
    SUBNET_TIERS.map((tier, i) => [
      tier,
      new SharedSubnets(scope, `subnets-${tier}`, {
        vpc,
        tier,
        namePrefix: "t",
        cidrByAzId: CIDRS[tier],
        ipv6NetnumByAzId: ipv6 ? { "use1-az1": i * 16, "use1-az2": i * 16 + 1 } : undefined,
      }).byAzId,
    ]),
  ) as Record<SubnetTier, SharedSubnets["byAzId"]>;
  return { vpc, subnets };
}
