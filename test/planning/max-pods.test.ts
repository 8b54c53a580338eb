import { INSTANCE_TYPES, instanceTypeTable, instanceTypesOf, maxPodsFor, maxPodsOf } from "../../planning/max-pods";

describe("pods per node under the VPC CNI", () => {
  it("is ENIs × (IPv4 per ENI − 1) + 2", () => {
    expect(maxPodsFor({ enis: 3, ipv4PerEni: 6 })).toBe(17);
    expect(maxPodsFor({ enis: 4, ipv4PerEni: 15 })).toBe(58);
  });

  it.each([
    ["t3.medium", 17],
    ["t3.large", 35],
    ["m5.large", 29],
    ["m6i.xlarge", 58],
    ["c5.9xlarge", 234],
    ["m7i.16xlarge", 737],
    ["m6g.medium", 8],
    // Families the hand-kept table lacked, now from EC2's own limits.
    ["m7a.large", 29],
    ["c7a.medium", 8],
    ["c7a.xlarge", 58],
    ["m8g.large", 29],
    ["m8g.48xlarge", 737],
    // Four network cards of 15 ENIs: the CNI uses the default card's 15 only (AWS's eni-max-pods: 737).
    ["p4d.24xlarge", 737],
  ])("gives %s %i pods", (type, pods) => {
    expect(maxPodsOf(type)).toBe(pods);
  });

  it("knows nothing about a type outside the table, or an inherited property name", () => {
    expect(maxPodsOf("x9z.large")).toBeUndefined();
    expect(maxPodsOf("constructor")).toBeUndefined();
  });

  it("records the CPU architecture of every type (Graviton families are arm64)", () => {
    expect(INSTANCE_TYPES["m6g.large"].architecture).toBe("arm64");
    expect(INSTANCE_TYPES["m8g.large"].architecture).toBe("arm64");
    expect(INSTANCE_TYPES["m6i.large"].architecture).toBe("amd64");
    expect(Object.values(INSTANCE_TYPES).every((t) => t.architecture === "amd64" || t.architecture === "arm64")).toBe(true);
  });

  it("holds current types only: no Xen-era (m4, c4) or Mac types", () => {
    expect(Object.keys(INSTANCE_TYPES).length).toBeGreaterThan(1000);
    for (const type of ["m4.large", "c4.xlarge", "m1.small", "mac1.metal", "mac2.metal"]) expect(INSTANCE_TYPES).not.toHaveProperty([type]);
  });

  it("takes the org file's limits for a type newer than the table, amd64 unless it says otherwise", () => {
    const table = instanceTypeTable({ "m9x.large": { enis: 3, ipv4PerEni: 10 }, "m9g.large": { enis: 4, ipv4PerEni: 15, architecture: "arm64" } });
    expect(maxPodsOf("m9x.large", table)).toBe(29);
    expect(table["m9x.large"].architecture).toBe("amd64");
    expect(table["m9g.large"].architecture).toBe("arm64");
    expect(maxPodsOf("t3.medium", table)).toBe(17);
    expect(instanceTypeTable()).toBe(INSTANCE_TYPES);
  });

  it("expands a families × sizes selection into every instance type it allows", () => {
    expect(instanceTypesOf(["m6i", "c6i"], ["large", "xlarge"])).toEqual(["m6i.large", "m6i.xlarge", "c6i.large", "c6i.xlarge"]);
  });
});
