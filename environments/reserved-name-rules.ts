import { RESERVED_ENVIRONMENT_NAMES, RESERVED_REGION_NAMES, RESERVED_ROUTING_DOMAINS, reservedAs } from "../planning/reserved-names";
import type { ConfigProblem } from "./problems";
import type { Report } from "./rule-helpers";
import type { OrgConfig } from "./schema";

/**
 * Names the org file may not take because stack names, stack tags or the CI matrix already give
 * them a meaning: an environment named "global" would be merged with the bootstrap stacks.
 */
export function reservedNameProblems(org: OrgConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });
  for (const [envName, env] of Object.entries(org.environments ?? {})) {
    const asEnvironment = reservedAs(envName, RESERVED_ENVIRONMENT_NAMES);
    if (asEnvironment)
      report(`environments.${envName}`, `environment name "${envName}" is reserved for ${asEnvironment.meaning}; rename the environment, e.g. "common"`);
    const asDomain = env?.routingDomain === undefined ? undefined : reservedAs(env.routingDomain, RESERVED_ROUTING_DOMAINS);
    if (asDomain)
      report(
        `environments.${envName}.routingDomain`,
        `routing domain "${asDomain.name}" is reserved for ${asDomain.meaning}; pick another name, e.g. "shared-services"`,
      );
  }
  for (const regionName of Object.keys(org.regions ?? {})) {
    const asRegion = reservedAs(regionName, RESERVED_REGION_NAMES);
    if (asRegion) report(`regions.${regionName}`, `region name "${regionName}" is reserved for ${asRegion.meaning}; use the AWS region name, e.g. "us-east-1"`);
  }
  return problems;
}
