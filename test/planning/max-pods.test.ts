import { INSTANCE_TYPES, instanceTypesOf, maxPodsFor, maxPodsOf } from "../../planning/max-pods";

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
  ])("gives %s %i pods", (type, pods) => {
    expect(maxPodsOf(type)).toBe(pods);
  });

  it("knows nothing about a type outside the table", () => {
    expect(maxPodsOf("x9z.large")).toBeUndefined();
  });

  it("records the CPU architecture of every type (Graviton families are arm64)", () => {
    expect(INSTANCE_TYPES["m6g.large"].architecture).toBe("arm64");
    expect(INSTANCE_TYPES["m6i.large"].architecture).toBe("amd64");
    expect(Object.values(INSTANCE_TYPES).every((t) => t.architecture === "amd64" || t.architecture === "arm64")).toBe(true);
  });

  it("expands a families × sizes selection into every instance type it allows", () => {
    expect(instanceTypesOf(["m6i", "c6i"], ["large", "xlarge"])).toEqual(["m6i.large", "m6i.xlarge", "c6i.large", "c6i.xlarge"]);
  });
});
