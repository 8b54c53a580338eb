import { resolveOrg } from "../../environments/load";
import { ConfigError } from "../../environments/problems";
import { validateOrg } from "../../environments/validate";
import type { OrgConfigInput } from "../../environments/schema";
import { configProblemsOf } from "../support/config-problems";
import { exampleOrgInput } from "../support/synth";

/** Problems of the example org after `tweak`, which may write anything a file could hold. */
function problemsOf(tweak: (org: Record<string, any>) => void): string[] {
  const org = exampleOrgInput() as unknown as Record<string, any>;
  tweak(org);
  // Through JSON, as a file arrives: "__proto__" becomes an own field, as JSON.parse makes it.
  return validateOrg(JSON.parse(JSON.stringify(org).replace(/"PROTO_KEY"/g, '"__proto__"'))).problems.map((p) => `${p.path}: ${p.message}`);
}

describe("names that collide with JavaScript's object prototype", () => {
  it.each(["constructor", "toString", "hasOwnProperty"])("reports %s as a region name a region needs, not a TypeError", (name) => {
    const problems = problemsOf((o) => (o.environments.dev.regions[name] = { ...o.environments.dev.regions["us-east-1"], vpcCidr: "10.2.0.0/16" }));
    expect(problems).toEqual([`environments.dev.regions.${name}: region "${name}" is not in regions (known: "us-east-1", "eu-west-1", "ap-southeast-1")`]);
  });

  it.each(["constructor", "toString"])("reports %s as a region of the org as no AWS region", (name) => {
    const problems = problemsOf(
      (o) => (o.regions[name] = { group: "us", azIds: ["use1-az1", "use1-az2"], addressSpace: "10.48.0.0/12", transitGatewayAsn: 64600 }),
    );
    expect(problems).toEqual([`regions.${name}: "${name}" is not an AWS region name; use names like "us-east-1" or "ap-southeast-1"`]);
  });

  it.each(["constructor", "toString", "valueOf"])("rejects OU %s that organizationalUnits does not declare", (name) => {
    expect(problemsOf((o) => (o.accounts[0].ou = name))).toEqual([
      expect.stringMatching(new RegExp(`^accounts\\.0\\.ou: account "management" names OU "${name}", which is not in organizationalUnits`)),
    ]);
  });

  it("accepts an OU named constructor that organizationalUnits does declare", () => {
    expect(
      problemsOf((o) => {
        o.organizationalUnits.constructor = "ou-ab12-cd34ef99";
        o.accounts[0].ou = "constructor";
      }),
    ).toEqual([]);
  });

  it("rejects a state region that only the prototype has", () => {
    expect(problemsOf((o) => (o.stateRegion = "constructor"))).toEqual([
      'stateRegion: "constructor" is not one of the configured regions ("us-east-1", "eu-west-1", "ap-southeast-1")',
    ]);
  });

  it("rejects constructor as an environment name's Batch or EKS region", () => {
    expect(problemsOf((o) => (o.environments.dev.eks.regions = ["constructor"]))).toEqual([
      expect.stringMatching(/^environments\.dev\.eks\.regions\.0: region "constructor" has no VPC in environment "dev"/),
    ]);
  });

  it.each([
    ["a region", (o: Record<string, any>) => (o.regions.PROTO_KEY = o.regions["us-east-1"]), "regions.__proto__"],
    ["an environment", (o: Record<string, any>) => (o.environments.PROTO_KEY = o.environments.dev), "environments.__proto__"],
    [
      "a node pool",
      (o: Record<string, any>) => (o.environments.dev.eks.nodePools.PROTO_KEY = o.environments.dev.eks.nodePools.general),
      "environments.dev.eks.nodePools.__proto__",
    ],
  ])("reports __proto__ as the name of %s instead of dropping the entry", (_, tweak, path) => {
    expect(problemsOf(tweak)).toContain(`${path}: "__proto__" cannot be a name in an org file (JavaScript reserves it, so the entry would be lost); rename it`);
  });
});

describe("schema and cross-field problems in one round", () => {
  it("lists a cross-field problem of one environment beside a schema problem of another", () => {
    expect(
      problemsOf((o) => {
        o.environments.staging.natGateways = "two";
        o.environments.dev.workloadAccounts = ["nobody"];
      }),
    ).toEqual([
      'environments.staging.natGateways: must be one of "one-per-az"|"single"',
      'environments.dev.workloadAccounts.0: account "nobody" is not in accounts (known: "management", "network", "shared-services", "log-archive", "workload-dev", "workload-staging", "workload-prod", "monitoring")',
    ]);
  });

  it("checks the accounts that parsed, under their own index, when another account is broken", () => {
    expect(
      problemsOf((o) => {
        o.accounts[1].id = 22222222222;
        o.accounts[5].ou = "nowhere";
      }),
    ).toEqual([
      expect.stringMatching(
        /^accounts\.1\.id: is the number 22222222222: YAML and JSON read unquoted digits as a number and drop leading zeros; write the 12-digit account id in quotes/,
      ),
      expect.stringMatching(/^accounts\.5\.ou: account "workload-staging" names OU "nowhere"/),
    ]);
  });

  it("leaves out cross-field guesses about an entry the schema refused", () => {
    // The broken account is still the one dev shares with: "not in accounts" would mislead.
    expect(problemsOf((o) => (o.accounts[4].role = "workloads"))).toEqual([expect.stringMatching(/^accounts\.4\.role: must be one of /)]);
  });

  it("lists only schema problems when a whole section is the wrong shape", () => {
    expect(problemsOf((o) => (o.regions = ["us-east-1"]))).toEqual(["regions: must be a mapping of fields, but is a list"]);
  });
});

describe("messages for common mistakes", () => {
  it("says a missing field is missing", () => {
    expect(problemsOf((o) => delete o.owner)).toEqual(["owner: is missing; add it (a string, see environments/example-org.ts)"]);
  });

  it("says an empty string must not be empty", () => {
    expect(problemsOf((o) => (o.owner = ""))).toEqual(["owner: must not be empty"]);
  });

  it("explains the rule of a role name instead of showing its regex", () => {
    expect(problemsOf((o) => (o.accessRoleName = "org access"))).toEqual([
      'accessRoleName: must be an IAM role name (1-64 of a-z, A-Z, 0-9 and +=,.@_-), e.g. "OrganizationAccountAccessRole"',
    ]);
  });

  it("explains an unresolved YAML merge key instead of calling it a typo", () => {
    expect(problemsOf((o) => (o.environments.dev["<<"] = "*defaults"))).toEqual([
      expect.stringMatching(/^environments\.dev: "<<" \(a YAML merge key\) is read as a field here/),
    ]);
  });

  it("names accounts by name, not only by index", () => {
    const org = exampleOrgInput();
    org.accounts[4].ou = "nowhere";
    expect(() => resolveOrg(org, "org.yaml")).toThrow('  - account "workload-dev" (#4): accounts.4.ou: ');
  });

  it("never says received null for an empty file", () => {
    for (const empty of [null, undefined])
      expect(validateOrg(empty).problems.map((p) => p.message)).toEqual([
        expect.stringMatching(/^the file is empty \(or holds only comments\); an org file needs name, owner/),
      ]);
    expect(validateOrg(["a"]).problems[0].message).toMatch(/^the file holds a list; an org file is one mapping of fields/);
    expect(validateOrg("name: x").problems[0].message).toMatch(/^the file holds a string \("name: x"\)/);
  });

  it("rejects pinned subnet CIDRs that overlap each other inside one VPC", () => {
    expect(
      configProblemsOf((o: OrgConfigInput) => {
        const subnets = o.environments.dev.regions["us-east-1"].subnets;
        o.environments.dev.regions["us-east-1"].subnets = {
          ...subnets,
          private: { prefixLength: 20, cidrs: { "use1-az1": "10.0.64.0/20" } },
          data: { prefixLength: 22, cidrs: { "use1-az2": "10.0.66.0/24" } },
        };
      }),
    ).toEqual([
      "environments.dev.regions.us-east-1.subnets.data.cidrs.use1-az2: 10.0.66.0/24 overlaps 10.0.64.0/20 pinned at environments.dev.regions.us-east-1.subnets.private.cidrs.use1-az1; subnets of one VPC cannot overlap, so pin disjoint blocks",
    ]);
  });

  it("is a ConfigError for every problem found, never another exception", () => {
    expect(() => resolveOrg({ name: 1, accounts: "x", regions: null, environments: [] })).toThrow(ConfigError);
  });
});

describe("log retention tiers", () => {
  it("fills the org's tiers with the documented defaults and lets an environment override one tier", () => {
    const input = exampleOrgInput() as unknown as Record<string, any>;
    delete input.observability.logRetention;
    input.environments.staging.observability = { logRetention: { application: 30 } };
    const org = resolveOrg(input);
    expect(org.logRetention).toEqual({ security: 365, application: 90, debug: 7 });
    const byName = (name: string) => org.environments.find((e) => e.name === name)!.logRetention;
    expect(byName("staging")).toEqual({ security: 365, application: 30, debug: 7 });
    expect(byName("dev")).toEqual({ security: 30, application: 90, debug: 7 });
    expect(byName("prod")).toEqual({ security: 365, application: 90, debug: 7 });
  });

  it("refuses a retention CloudWatch Logs does not accept, at org or environment level, listing the valid ones", () => {
    expect(problemsOf((o) => (o.observability.logRetention.debug = 2))).toEqual([
      expect.stringMatching(/^observability\.logRetention\.debug: must be a retention CloudWatch Logs accepts: 1, 3, 5, 7, 14/),
    ]);
    expect(problemsOf((o) => (o.environments.prod.observability = { logRetention: { security: 366 } }))).toEqual([
      expect.stringMatching(/^environments\.prod\.observability\.logRetention\.security: must be a retention CloudWatch Logs accepts: 1, 3, 5, .*, 3653$/),
    ]);
  });

  it("refuses a tier that does not exist", () => {
    expect(problemsOf((o) => (o.environments.prod.observability = { logRetention: { audit: 365 } }))).toEqual([
      expect.stringMatching(/^environments\.prod\.observability\.logRetention: unknown field\(s\) "audit"/),
    ]);
  });

  it("names the replacement of a field an org file from before the tiers still sets (flowLogRetentionDays, eks.logRetentionDays)", () => {
    const problems = problemsOf((o) => {
      o.environments.prod.flowLogRetentionDays = 365;
      o.environments.prod.eks.logRetentionDays = 365;
      o.environments.prod.eks.typo = true;
    });
    expect(problems).toEqual([
      'environments.prod.eks.logRetentionDays: "logRetentionDays" was replaced by log retention tiers (EKS control-plane logs are the security tier): delete it and set its days as environments.prod.observability.logRetention.security, or leave that out to keep the org\'s observability.logRetention.security',
      'environments.prod.eks: unknown field(s) "typo"; check the spelling against environments/schema.ts',
      'environments.prod.flowLogRetentionDays: "flowLogRetentionDays" was replaced by log retention tiers (VPC flow logs are the security tier): delete it and set its days as environments.prod.observability.logRetention.security, or leave that out to keep the org\'s observability.logRetention.security',
    ]);
  });
});
