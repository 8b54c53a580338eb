import fc from "fast-check";
import {
  AddressPlanError,
  AddressSpaceExhausted,
  carveSubnets,
  carveTiers,
  cidrsOverlap,
  ipv6Netnums,
  packedSubnets,
  type TierLayout,
} from "../../planning/address-plan";
import { resolveOrg } from "../../environments/load";
import type { OrgModel } from "../../planning/model";
import { SUBNET_TIERS } from "../../planning/names";
import { exampleOrgInput } from "../support/synth";

const layout = {
  public: { prefixLength: 24 },
  private: { prefixLength: 20 },
  data: { prefixLength: 24 },
  transit: { prefixLength: 28 },
};

const everySubnet = (plan: Record<string, Record<string, string>>) =>
  Object.entries(plan).flatMap(([tier, byAz]) => Object.entries(byAz).map(([azId, cidr]) => ({ tier, azId, cidr })));

describe("carveSubnets", () => {
  it("gives each tier an area of 8 blocks in tier order and each AZ ID the block of its number", () => {
    expect(carveSubnets("10.0.0.0/16", ["use1-az1", "use1-az4"], layout)).toEqual({
      public: { "use1-az1": "10.0.0.0/24", "use1-az4": "10.0.3.0/24" },
      private: { "use1-az1": "10.0.128.0/20", "use1-az4": "10.0.176.0/20" },
      data: { "use1-az1": "10.0.8.0/24", "use1-az4": "10.0.11.0/24" },
      transit: { "use1-az1": "10.0.16.0/28", "use1-az4": "10.0.16.48/28" },
    });
  });

  it("keeps the packing of earlier releases for packed AZ IDs and places new AZ IDs around it", () => {
    const packed = ["use1-az1", "use1-az2", "use1-az4"];
    const before = packedSubnets("10.0.0.0/16", packed, layout);
    expect(before.data["use1-az1"]).toBe("10.0.51.0/24");
    const after = carveSubnets("10.0.0.0/16", [...packed, "use1-az6"], layout, packed);
    for (const s of everySubnet(before)) expect(after[s.tier as keyof typeof after][s.azId]).toBe(s.cidr);
    const added = SUBNET_TIERS.map((t) => after[t]["use1-az6"]);
    for (const cidr of added) for (const s of everySubnet(before)) expect(cidrsOverlap(cidr, s.cidr)).toBe(false);
  });

  it("keeps pinned CIDRs", () => {
    const plan = carveSubnets("10.0.0.0/16", ["use1-az1", "use1-az2"], { ...layout, private: { prefixLength: 20, cidrs: { "use1-az1": "10.0.64.0/20" } } });
    expect(plan.private).toEqual({ "use1-az1": "10.0.64.0/20", "use1-az2": "10.0.144.0/20" });
  });

  it("refuses a slot that overlaps a pin instead of shifting it, naming both subnets and the fix", () => {
    const pinned = { ...layout, data: { prefixLength: 24, cidrs: { "use1-az1": "10.0.1.0/24" } } };
    expect(() => carveSubnets("10.0.0.0/16", ["use1-az1", "use1-az2"], pinned)).toThrow(
      new AddressPlanError(
        "public.cidrs",
        "the public subnet of use1-az2 takes 10.0.1.0/24, which overlaps 10.0.1.0/24 pinned for data in use1-az1; pin public in use1-az2 to a free /24 too, or move the pin",
      ),
    );
  });

  it("refuses an AZ ID past the slots unless its subnets are pinned", () => {
    expect(() => carveSubnets("10.0.0.0/16", ["use1-az1", "use1-az9"], layout)).toThrow(/use1-az9 has no address slot .* pin its public subnet under cidrs/);
  });

  it("reports a VPC too small for a tier's area", () => {
    expect(() => carveSubnets("10.0.0.0/20", ["use1-az1", "use1-az2"], layout)).toThrow(AddressSpaceExhausted);
  });
});

describe("ipv6Netnums", () => {
  it("numbers packed AZ IDs by their place, as earlier releases did, and new ones by slot in the second half", () => {
    const netnums = ipv6Netnums(["use1-az1", "use1-az2", "use1-az4", "use1-az6"], ["use1-az1", "use1-az2", "use1-az4"]);
    expect(netnums.public).toEqual({ "use1-az1": 0, "use1-az2": 1, "use1-az4": 2, "use1-az6": 13 });
    expect(netnums.data["use1-az6"]).toBe(2 * 16 + 13);
  });

  it("numbers AZ IDs by slot alone when nothing is packed", () => {
    expect(ipv6Netnums(["use1-az2", "use1-az5"]).transit).toEqual({ "use1-az2": 3 * 16 + 1, "use1-az5": 3 * 16 + 4 });
  });
});

/** AZ IDs use1-az1 … use1-az8, any subset of at least one, in any order. */
const azNumbers = fc.uniqueArray(fc.integer({ min: 1, max: 8 }), { minLength: 2, maxLength: 7 });
const azId = (n: number) => `use1-az${n}`;
/** Tier sizes that fit 8 slots each in a /16 (areas are /17 at most). */
const tierLayout = (min: number, max: number): fc.Arbitrary<TierLayout> => fc.record({ prefixLength: fc.integer({ min, max }) });
const layouts = fc.record({ public: tierLayout(21, 26), private: tierLayout(19, 24), data: tierLayout(21, 26), transit: tierLayout(24, 28) });
const vpcCidrs = fc.integer({ min: 0, max: 255 }).map((b) => `10.${b}.0.0/16`);

/** The plan of a valid config, or a skipped run (fc.pre) when the tiers do not fit the VPC: such a config is refused. */
function validPlan<T>(carve: () => T): T {
  try {
    return carve();
  } catch (e) {
    if (!(e instanceof AddressPlanError)) throw e;
    fc.pre(false);
    throw e;
  }
}

describe("stable address plan (properties)", () => {
  it("adding any AZ ID to a valid VPC leaves every existing subnet CIDR unchanged", () => {
    fc.assert(
      fc.property(vpcCidrs, layouts, azNumbers, fc.nat(), (vpcCidr, tiers, numbers, at) => {
        const [added, ...existing] = numbers.map(azId);
        const before = validPlan(() => carveSubnets(vpcCidr, existing, tiers));
        const withAdded = [...existing.slice(0, at % (existing.length + 1)), added, ...existing.slice(at % (existing.length + 1))];
        const after = carveSubnets(vpcCidr, withAdded, tiers);
        for (const s of everySubnet(before)) expect(after[s.tier as keyof typeof after][s.azId]).toBe(s.cidr);
      }),
    );
  });

  it("adding any AZ ID to a VPC packed by an earlier release leaves every existing subnet CIDR unchanged, or refuses it", () => {
    fc.assert(
      fc.property(vpcCidrs, layouts, azNumbers, (vpcCidr, tiers, numbers) => {
        const [added, ...packed] = numbers.map(azId);
        const before = validPlan(() => carveSubnets(vpcCidr, packed, tiers, packed));
        let after;
        try {
          after = carveSubnets(vpcCidr, [...packed, added], tiers, packed);
        } catch (e) {
          // A full VPC may have no room for a new AZ ID: refused, never re-addressed.
          expect(e).toBeInstanceOf(AddressPlanError);
          return;
        }
        for (const s of everySubnet(before)) expect(after[s.tier as keyof typeof after][s.azId]).toBe(s.cidr);
      }),
    );
  });

  it("adding a tier (at the end of the tier order) leaves every existing subnet CIDR unchanged", () => {
    fc.assert(
      fc.property(vpcCidrs, layouts, tierLayout(22, 28), azNumbers, (vpcCidr, tiers, extra, numbers) => {
        const azIds = numbers.map(azId);
        const before = validPlan(() => carveTiers(vpcCidr, azIds, SUBNET_TIERS, tiers));
        const after = validPlan(() => carveTiers(vpcCidr, azIds, [...SUBNET_TIERS, "extra"], { ...tiers, extra }));
        for (const s of everySubnet(before)) expect(after[s.tier as keyof typeof after][s.azId]).toBe(s.cidr);
      }),
    );
  });

  it("never gives two subnets of a VPC overlapping CIDRs", () => {
    fc.assert(
      fc.property(vpcCidrs, layouts, azNumbers, (vpcCidr, tiers, numbers) => {
        const subnets = everySubnet(validPlan(() => carveSubnets(vpcCidr, numbers.map(azId), tiers)));
        subnets.forEach((a, i) => subnets.slice(i + 1).forEach((b) => expect(cidrsOverlap(a.cidr, b.cidr)).toBe(false)));
      }),
      // Each run compares every pair of up to 28 subnets: fewer runs keep the file under ten seconds.
      { numRuns: 25 },
    );
  });
});

describe("the example org under day-2 changes", () => {
  const cidrsOf = (org: OrgModel) =>
    org.environments.flatMap((env) => env.vpcs.flatMap((vpc) => everySubnet(vpc.subnets).map((s) => ({ ...s, vpc: `${env.name}/${vpc.region.name}` }))));
  const before = cidrsOf(resolveOrg(exampleOrgInput()));

  it("keeps every existing subnet when a region gains an AZ ID", () => {
    const input = exampleOrgInput();
    input.regions["us-east-1"].azIds.push("use1-az6");
    const after = cidrsOf(resolveOrg(input));
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after.filter((s) => s.azId === "use1-az6").map((s) => `${s.vpc} ${s.tier} ${s.cidr}`)).toContain("dev/us-east-1 private 10.0.208.0/20");
  });

  it("keeps every existing subnet when an environment is added", () => {
    const input = exampleOrgInput();
    input.environments.qa = {
      ...input.environments.staging,
      batch: undefined,
      regions: { "us-east-1": { ...input.environments.staging.regions["us-east-1"], vpcCidr: "10.2.0.0/16", packedAzIds: undefined } },
    };
    expect(cidrsOf(resolveOrg(input))).toEqual(expect.arrayContaining(before));
  });
});
