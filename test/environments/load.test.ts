import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import type { OrgConfigInput } from "../../environments/schema";
import { loadOrgFile, resolveOrg } from "../../environments/load";
import { configProblemsOf } from "../support/config-problems";
import { exampleOrgInput } from "../support/synth";

const problemsOf = configProblemsOf;

describe("org config validation", () => {
  it("accepts the bundled example org", () => {
    expect(problemsOf(() => undefined)).toEqual([]);
  });

  it("rejects an account id that is not 12 digits", () => {
    expect(problemsOf((o) => (o.accounts[1].id = "22222222222"))).toEqual([expect.stringMatching(/^accounts\.1\.id: must be the 12-digit AWS account id/)]);
  });

  it("rejects two accounts with the same id", () => {
    expect(problemsOf((o) => (o.accounts[2].id = o.accounts[1].id))).toEqual([
      'accounts.2.id: account "shared-services" reuses id 222222222222 of account "network"; every account id must be unique',
    ]);
  });

  it("rejects two accounts with the same name", () => {
    expect(problemsOf((o) => (o.accounts[3].name = "network"))).toContainEqual(
      'accounts.3.name: name "network" is already used by the account with id 222222222222; account names must be unique',
    );
  });

  it("rejects a workload account the environment names but the org lacks", () => {
    expect(problemsOf((o) => (o.environments.dev.workloadAccounts = ["workload-qa"]))).toEqual([
      expect.stringMatching(/^environments\.dev\.workloadAccounts\.0: account "workload-qa" is not in accounts/),
    ]);
  });

  it("rejects a region the environment names but the org lacks", () => {
    expect(problemsOf((o) => (o.environments.dev.regions["us-west-2"] = { ...o.environments.dev.regions["us-east-1"], vpcCidr: "10.2.0.0/16" }))).toEqual([
      expect.stringMatching(/^environments\.dev\.regions\.us-west-2: region "us-west-2" is not in regions/),
    ]);
  });

  it("rejects an AZ ID of another region", () => {
    expect(problemsOf((o) => (o.regions["eu-west-1"].azIds = ["euw1-az1", "use1-az2"]))).toEqual([
      'regions.eu-west-1.azIds.1: "use1-az2" is not an AZ ID of eu-west-1; AZ IDs there look like "euw1-az1" (use AZ IDs, not AZ names such as "eu-west-1a")',
    ]);
  });

  it("rejects an AZ name where an AZ ID belongs", () => {
    expect(problemsOf((o) => (o.regions["us-east-1"].azIds = ["us-east-1a", "use1-az2"]))).toEqual([
      expect.stringContaining('regions.us-east-1.azIds.0: "us-east-1a" is not an AZ ID of us-east-1'),
    ]);
  });

  it("rejects overlapping VPC CIDRs in one routing domain", () => {
    expect(problemsOf((o) => (o.environments.staging.regions["us-east-1"].vpcCidr = "10.0.0.0/16"))).toEqual([
      'environments.staging.regions.us-east-1.vpcCidr: 10.0.0.0/16 overlaps 10.0.0.0/16 of environment "dev" in us-east-1; both are in routing domain "nonprod" and routed to each other, so pick disjoint CIDRs',
    ]);
  });

  it("allows overlapping VPC CIDRs in separate routing domains when no peering joins the region to others", () => {
    const singleRegion = (o: OrgConfigInput): void => {
      o.regions = { "us-east-1": o.regions["us-east-1"] };
      for (const env of Object.values(o.environments)) env.regions = { "us-east-1": env.regions["us-east-1"] };
    };
    const problems = problemsOf((o) => {
      singleRegion(o);
      o.environments.prod.regions["us-east-1"].vpcCidr = "10.0.0.0/16";
    });
    // Other settings may name the dropped regions; only the address rules matter here.
    expect(problems.filter((p) => /overlaps/.test(p))).toEqual([]);
  });

  it("rejects a VPC CIDR outside its region's address space", () => {
    expect(problemsOf((o) => (o.environments.dev.regions["us-east-1"].vpcCidr = "10.16.0.0/16"))).toContainEqual(
      "environments.dev.regions.us-east-1.vpcCidr: 10.16.0.0/16 lies outside us-east-1's address space 10.0.0.0/12; pick a block inside it",
    );
  });

  it("rejects a pinned subnet CIDR outside its VPC", () => {
    expect(
      problemsOf((o) => {
        const region = o.environments.dev.regions["us-east-1"];
        region.subnets = { ...region.subnets, private: { prefixLength: 20, cidrs: { "use1-az1": "10.9.0.0/20" } } };
      }),
    ).toEqual([
      "environments.dev.regions.us-east-1.subnets.private.cidrs.use1-az1: 10.9.0.0/20 lies outside the VPC CIDR 10.0.0.0/16; subnet CIDRs must sit inside their VPC",
    ]);
  });

  it("rejects tiers that do not fit in the VPC", () => {
    expect(problemsOf((o) => (o.environments.dev.regions["us-east-1"].vpcCidr = "10.0.0.0/20"))).toEqual([
      "environments.dev.regions.us-east-1.subnets.private.prefixLength: 10.0.0.0/20 has no free /20 left for the private subnet in use1-az2; enlarge the VPC CIDR or shrink the tiers",
    ]);
  });

  it("rejects an environment name unsafe for stack names and S3 keys", () => {
    expect(
      problemsOf((o) => {
        o.environments["Dev_2"] = o.environments.dev;
        delete o.environments.dev;
      }),
    ).toEqual([expect.stringMatching(/^environments\.Dev_2: environment name "Dev_2" is not safe for stack names and S3 keys/)]);
  });

  it("rejects a CIDR with host bits set", () => {
    expect(problemsOf((o) => (o.environments.dev.regions["us-east-1"].vpcCidr = "10.0.0.1/16"))).toEqual([
      expect.stringMatching(/^environments\.dev\.regions\.us-east-1\.vpcCidr: must be an IPv4 network in CIDR notation/),
    ]);
  });

  it("rejects two regions sharing a Transit Gateway ASN", () => {
    expect(problemsOf((o) => (o.regions["eu-west-1"].transitGatewayAsn = 64512))).toEqual([
      "regions.eu-west-1.transitGatewayAsn: ASN 64512 is already used by us-east-1; every Transit Gateway needs its own amazon_side_asn",
    ]);
  });

  it("requires exactly one network account", () => {
    expect(problemsOf((o) => (o.accounts[2].role = "network"))).toEqual([
      'accounts: exactly one account must have role "network" (it owns the shared VPCs and Transit Gateways); found 2: "network", "shared-services"',
    ]);
  });

  it("rejects an unknown field and names it", () => {
    expect(problemsOf((o) => Object.assign(o.environments.dev, { natGateway: "single" }))).toEqual([
      'environments.dev: unknown field(s) "natGateway"; check the spelling against environments/schema.ts',
    ]);
  });

  it("reports every cross-field problem at once", () => {
    expect(
      problemsOf((o) => {
        o.accounts[2].id = o.accounts[1].id;
        o.regions["eu-west-1"].azIds = ["use1-az1", "euw1-az2"];
      }),
    ).toHaveLength(2);
  });

  it("reports every schema problem at once, each naming the file", () => {
    const org = exampleOrgInput();
    org.accounts[1].id = "x";
    org.regions["eu-west-1"].transitGatewayAsn = 1;
    expect(() => resolveOrg(org, "my-org.yaml")).toThrow(
      /^Invalid org config my-org\.yaml \(2 problems\):\n {2}- account "network" \(#1\): accounts\.1\.id: .*\n {2}- region "eu-west-1": regions\.eu-west-1\.transitGatewayAsn: /,
    );
  });
});

describe("org files as editors save them", () => {
  const work = mkdtempSync(join(tmpdir(), "orgplat-load-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("reads a JSON file that starts with a byte-order mark", () => {
    const file = join(work, "bom.json");
    writeFileSync(file, `\uFEFF${JSON.stringify(exampleOrgInput())}`);
    expect(loadOrgFile(file).name).toBe("example");
  });

  it("resolves YAML anchors and merge keys, so environments can share settings", () => {
    const org = exampleOrgInput();
    delete (org.environments as Record<string, unknown>).staging;
    const file = join(work, "merge.yaml");
    // environments is the file's last mapping: staging follows dev, whose anchor it merges.
    const text = stringify(org, { aliasDuplicateObjects: false }).replace(/^ {2}dev:\n/m, "  dev: &dev-settings\n");
    writeFileSync(
      file,
      `${text}  staging:\n    <<: *dev-settings\n    workloadAccounts: [workload-staging]\n    regions:\n` +
        `      us-east-1: { vpcCidr: 10.1.0.0/16, subnets: { public: { prefixLength: 24 }, private: { prefixLength: 20 }, data: { prefixLength: 22 }, transit: { prefixLength: 28 } } }\n`,
    );
    const staging = loadOrgFile(file).environments.find((e) => e.name === "staging")!;
    expect(staging.workloadAccounts.map((a) => a.name)).toEqual(["workload-staging"]);
    expect(staging.natGateways).toBe("single");
    expect(staging.logRetention.security).toBe(30);
    expect(staging.vpcs.map((v) => v.cidr)).toEqual(["10.1.0.0/16"]);
  });
});
