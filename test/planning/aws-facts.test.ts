import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { EKS_VERSIONS, factsFor, isPrivateAsn, offeredEksVersions, REGION_AZ_IDS } from "../../planning/aws-facts";
import { azIdBelongsTo } from "../../planning/az-ids";
import { exampleOrg } from "../../environments/example-org";
import { validateOrg } from "../../environments/validate";
import type { OrgConfigInput } from "../../environments/schema";
import { exampleOrgInput } from "../support/synth";

/** Checked on a fixed day, so the EKS lifecycle does not move under the test. */
const TODAY = "2026-12-01";

function problemsOn(tweak: (org: OrgConfigInput) => void, today = TODAY): string[] {
  const org = exampleOrgInput();
  tweak(org);
  return validateOrg(org, today).problems.map((p) => `${p.path}: ${p.message}`);
}

function withEks(org: OrgConfigInput, version: string): void {
  const eks = org.environments.dev.eks ?? org.environments.prod.eks;
  if (!eks) throw new Error("the example org has no EKS environment");
  eks.kubernetesVersion = version;
}

describe("the AWS facts table", () => {
  it("gives every region AZ IDs of its own shape, and holds every region and AZ ID the example org uses", () => {
    for (const [region, azIds] of Object.entries(REGION_AZ_IDS)) {
      expect(azIds.length).toBeGreaterThanOrEqual(2);
      for (const azId of azIds) expect(azIdBelongsTo(azId, region)).toBe(true);
    }
    for (const [region, { azIds }] of Object.entries(exampleOrg.regions)) expect(REGION_AZ_IDS[region]).toEqual(expect.arrayContaining(azIds));
  });

  it("dates every EKS version, standard support ending before extended support", () => {
    for (const dates of Object.values(EKS_VERSIONS)) expect(dates.standardSupportEnd < dates.extendedSupportEnd).toBe(true);
  });

  it("offers the EKS versions whose extended support has not ended", () => {
    expect(offeredEksVersions(factsFor(), "2026-12-01")).toEqual(["1.32", "1.33", "1.34", "1.35"]);
    expect(offeredEksVersions(factsFor(), "2026-01-01")).toContain("1.29");
  });

  it("takes both private ASN ranges, 16-bit and 32-bit, and nothing between", () => {
    for (const asn of [64512, 65534, 4200000000, 4294967294]) expect(isPrivateAsn(asn)).toBe(true);
    for (const asn of [64511, 65535, 65536, 4199999999, 4294967295, 64512.5]) expect(isPrivateAsn(asn)).toBe(false);
  });
});

describe("org files checked against the AWS facts", () => {
  it("rejects a region AWS does not have, pointing at awsFacts for a new one", () => {
    expect(
      problemsOn((o) => {
        o.regions["us-east-7"] = { group: "us", azIds: ["use7-az1", "use7-az2"], addressSpace: "10.48.0.0/12", transitGatewayAsn: 64520 };
      }),
    ).toEqual([
      'regions.us-east-7: "us-east-7" is not an AWS region in planning/aws-facts.ts; check the spelling, or if AWS launched it since, add it under awsFacts.regions with its AZ IDs',
    ]);
  });

  it("rejects an AZ ID its region does not have, listing the ones it has", () => {
    expect(problemsOn((o) => (o.regions["eu-west-1"].azIds = ["euw1-az1", "euw1-az4"]))).toEqual([
      'regions.eu-west-1.azIds.1: eu-west-1 has no AZ "euw1-az4" (it has "euw1-az1", "euw1-az2", "euw1-az3"); pick one of those, or if AWS added it since, list it under awsFacts.regions.eu-west-1.azIds',
    ]);
  });

  it("accepts a region and an AZ ID the org file adds under awsFacts", () => {
    expect(
      problemsOn((o) => {
        o.regions["eu-west-1"].azIds = ["euw1-az1", "euw1-az4"];
        o.awsFacts = { regions: { "eu-west-1": { azIds: ["euw1-az4"] } } };
      }),
    ).toEqual([]);
  });

  it("rejects a Kubernetes version EKS does not offer, listing those it does with their standard-support end", () => {
    expect(problemsOn((o) => withEks(o, "1.40"))).toEqual([
      expect.stringMatching(
        /\.eks\.kubernetesVersion: EKS does not offer Kubernetes 1\.40 \(planning\/aws-facts\.ts\); use one EKS offers \(1\.32: standard support until 2026-03-23; .*1\.35: standard support until 2027-03-27\), or if EKS released it since, add it under awsFacts\.eksVersions/,
      ),
    ]);
  });

  it("rejects a Kubernetes version whose extended support has ended", () => {
    expect(problemsOn((o) => withEks(o, "1.29"))).toEqual([
      expect.stringMatching(/kubernetesVersion: EKS ended extended support for Kubernetes 1\.29 on 2026-03-23 and no longer runs it; use one EKS offers/),
    ]);
  });

  it("accepts a Kubernetes version the org file adds under awsFacts", () => {
    expect(
      problemsOn((o) => {
        withEks(o, "1.36");
        o.awsFacts = { eksVersions: { "1.36": { standardSupportEnd: "2027-08-01", extendedSupportEnd: "2028-08-01" } } };
      }),
    ).toEqual([]);
  });

  it.each(["10.0.0.0/8", "10.0.0.0/15"])("rejects a VPC CIDR larger than AWS allows (%s)", (cidr) => {
    expect(problemsOn((o) => (o.environments.dev.regions["us-east-1"].vpcCidr = cidr))).toEqual([
      "environments.dev.regions.us-east-1.vpcCidr: must be a /16 to /28 block; AWS accepts VPC and subnet blocks from /16 to /28",
    ]);
  });

  it("rejects a subnet prefix length outside /16 to /28", () => {
    const tooSmall = (o: OrgConfigInput): void => {
      const region = o.environments.dev.regions["us-east-1"];
      region.subnets = { ...region.subnets, data: { prefixLength: 29 } };
    };
    expect(problemsOn(tooSmall)).toEqual([
      "environments.dev.regions.us-east-1.subnets.data.prefixLength: must be 16 to 28; AWS accepts VPC and subnet blocks from /16 to /28",
    ]);
  });

  it("accepts 32-bit private ASNs for Transit Gateways and rejects public ones, naming both ranges", () => {
    expect(problemsOn((o) => (o.regions["eu-west-1"].transitGatewayAsn = 4200000001))).toEqual([]);
    expect(problemsOn((o) => (o.regions["eu-west-1"].transitGatewayAsn = 70000))).toEqual([
      "regions.eu-west-1.transitGatewayAsn: must be a private ASN: 64512-65534 or 4200000000-4294967294",
    ]);
  });

  it("accepts the awsFacts example docs/configuration.md gives, for a region and a version AWS launched later", () => {
    const doc = readFileSync(join(__dirname, "..", "..", "docs", "configuration.md"), "utf8");
    const example = /```yaml\n(awsFacts:\n[\s\S]*?)```/.exec(doc);
    expect(example).not.toBeNull();
    expect(
      problemsOn((o) => {
        Object.assign(o, parse(example![1]));
        o.regions["ap-east-2"] = { group: "asia", azIds: ["ape2-az1", "ape2-az2"], addressSpace: "10.48.0.0/12", transitGatewayAsn: 4200000000 };
        withEks(o, "1.36");
      }),
    ).toEqual([]);
  });
});
