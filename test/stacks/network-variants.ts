import type { OrgConfigInput } from "../../environments/schema";
import { exampleOrgInput } from "../support/synth";

/** Environment settings the network stacks read; other concerns' settings are dropped from variants. */
const NETWORK_KEYS = ["workloadAccounts", "routingDomain", "natGateways", "observability", "interfaceEndpoints", "ipv6", "shareWith", "sharedTiers", "regions"];

/** The example org's network layout alone: environments keep only their network settings. */
export function networkOnlyOrg(): OrgConfigInput {
  const input = exampleOrgInput();
  for (const [name, env] of Object.entries(input.environments)) {
    input.environments[name] = Object.fromEntries(Object.entries(env).filter(([key]) => NETWORK_KEYS.includes(key))) as typeof env;
  }
  return input;
}

/** The example org cut down to one region: nothing to peer. */
export function singleRegionOrg(region: string): OrgConfigInput {
  const input = networkOnlyOrg();
  input.regions = { [region]: input.regions[region] };
  input.stateRegion = region;
  for (const env of Object.values(input.environments)) env.regions = { [region]: env.regions[region] };
  return input;
}

/** The example org with a fourth region (us-west-2) where dev and prod also run. */
export function fourRegionOrg(): OrgConfigInput {
  const input = networkOnlyOrg();
  input.regions["us-west-2"] = { group: "us", azIds: ["usw2-az1", "usw2-az2"], addressSpace: "10.48.0.0/12", transitGatewayAsn: 64515 };
  const layout = input.environments.dev.regions["us-east-1"].subnets;
  input.environments.dev.regions["us-west-2"] = { vpcCidr: "10.48.0.0/16", subnets: layout };
  input.environments.prod.regions["us-west-2"] = { vpcCidr: "10.56.0.0/16", subnets: layout };
  return input;
}
