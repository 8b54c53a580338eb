import type { OrgConfigInput } from "../environments/schema";

/**
 * The example org with its environments repeated until there are `factor` times as many
 * (1.5 with three environments: dev, staging, prod, dev1, staging1). Each copy is its own
 * routing domain; region address spaces widen to /10 so every VPC of a region gets its own /16.
 */
export function scaledOrg(base: OrgConfigInput, factor: number): OrgConfigInput {
  const org = structuredClone(base);
  const regionNames = Object.keys(org.regions);
  regionNames.forEach((name, i) => (org.regions[name].addressSpace = `10.${i * 64}.0.0/10`));
  const nextVpc = new Map(regionNames.map((name, i) => [name, i * 64]));
  const environments: OrgConfigInput["environments"] = {};
  const baseEnvironments = Object.entries(base.environments);
  const wanted = Math.round(factor * baseEnvironments.length);
  for (let i = 0; i < wanted; i++) {
    const copy = Math.floor(i / baseEnvironments.length);
    const [name, env] = baseEnvironments[i % baseEnvironments.length];
    const scaled = structuredClone(env);
    for (const [region, vpc] of Object.entries(scaled.regions)) {
      const octet = nextVpc.get(region)!;
      nextVpc.set(region, octet + 1);
      vpc.vpcCidr = `10.${octet}.0.0/16`;
    }
    environments[copy === 0 ? name : `${name}${copy}`] = { ...scaled, routingDomain: copy === 0 ? env.routingDomain : `${env.routingDomain}${copy}` };
  }
  return { ...org, environments };
}
