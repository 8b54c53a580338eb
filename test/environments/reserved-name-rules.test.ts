import { resolveOrg } from "../../environments/load";
import { ConfigError } from "../../environments/problems";
import { BOOTSTRAP_ENVIRONMENT, GLOBAL_REGION, PEERING_ROUTE_TABLE, SHARED_ENVIRONMENT } from "../../planning/reserved-names";
import { configProblemsOf } from "../support/config-problems";
import { exampleOrgInput } from "../support/synth";

/** The example org with its staging environment renamed. */
function renameStaging(to: string) {
  return configProblemsOf((o) => {
    o.environments[to] = o.environments.staging;
    delete o.environments.staging;
  });
}

describe("names the stacks and the CI matrix reserve", () => {
  it("refuses an environment named like the bootstrap stacks' environment, naming the field and the fix", () => {
    expect(renameStaging(BOOTSTRAP_ENVIRONMENT)).toEqual([
      'environments.global: environment name "global" is reserved for the environment of the per-account bootstrap stacks, which CI deploys first; rename the environment, e.g. "common"',
    ]);
  });

  it("refuses an environment named like the organization-wide transit stacks' environment", () => {
    expect(renameStaging(SHARED_ENVIRONMENT)).toEqual([
      'environments.shared: environment name "shared" is reserved for the environment of the organization-wide Transit Gateway stacks ("shared-<region>-transit"); rename the environment, e.g. "common"',
    ]);
  });

  it("refuses an environment named like the bootstrap stacks' prefix, which scripts read account names from", () => {
    expect(renameStaging("bootstrap")).toEqual([
      'environments.bootstrap: environment name "bootstrap" is reserved for the prefix of the bootstrap stacks ("bootstrap-<account name>"), by which scripts find each account; rename the environment, e.g. "common"',
    ]);
  });

  it("refuses the routing domain of the peering route table", () => {
    expect(configProblemsOf((o) => (o.environments.prod.routingDomain = PEERING_ROUTE_TABLE))).toEqual([
      'environments.prod.routingDomain: routing domain "peering" is reserved for the Transit Gateway route table that receives traffic from peered regions; pick another name, e.g. "shared-services"',
    ]);
  });

  it("refuses a region named like the region part of the stacks that span every region", () => {
    const problems = configProblemsOf((o) => {
      o.regions[GLOBAL_REGION] = o.regions["us-east-1"];
    });
    expect(problems).toContain(
      'regions.global: region name "global" is reserved for the region part of the stacks that span every region ("shared-global-transit-peering"); use the AWS region name, e.g. "us-east-1"',
    );
  });

  it("names the environment in the error a platform engineer reads", () => {
    const org = exampleOrgInput();
    org.environments.global = org.environments.staging;
    delete org.environments.staging;
    expect(() => resolveOrg(org, "org.yaml")).toThrow(ConfigError);
    expect(() => resolveOrg(org, "org.yaml")).toThrow(/environment "global": environments\.global: environment name "global" is reserved/);
  });

  it("accepts the example org, whose names reserve nothing", () => {
    expect(configProblemsOf(() => undefined)).toEqual([]);
  });
});
