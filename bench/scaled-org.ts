import type { OrgConfigInput } from "../environments/schema";

/**
 * The example org with its environments repeated `factor` times. Each copy is its own
 * routing domain, so the copies may reuse the same VPC CIDRs without overlapping routes.
 */
export function scaledOrg(base: OrgConfigInput, factor: number): OrgConfigInput {
  const environments: OrgConfigInput["environments"] = {};
  for (let i = 0; i < factor; i++) {
    for (const [name, env] of Object.entries(base.environments)) {
      const copy = i === 0 ? name : `${name}${i}`;
      environments[copy] = { ...structuredClone(env), routingDomain: i === 0 ? env.routingDomain : `${env.routingDomain}${i}` };
    }
  }
  return { ...structuredClone(base), environments };
}
