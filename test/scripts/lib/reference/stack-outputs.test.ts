import { buildTestOrg, exampleOrgModel, synthStack } from "../../../support/synth";
import { stackOutputs, stackOutputsReference } from "../../../../scripts/lib/reference/stack-outputs";

describe("stack output reference", () => {
  const org = exampleOrgModel();
  const stacks = stackOutputs(org);

  it("groups the stacks by the name scheme: environment, region and account become placeholders", () => {
    expect([...new Set(stacks.map((s) => s.kind))].sort()).toEqual(
      [
        "<env>-<region>-alarms",
        "<env>-<region>-batch",
        "<env>-<region>-eks-addons",
        "<env>-<region>-eks-cluster",
        "<env>-<region>-eks-crds",
        "<env>-<region>-net-alarms",
        "<env>-<region>-network",
        "<env>-global-dashboard",
        "bootstrap-<account>",
        "shared-<region>-archive",
        "shared-<region>-oam-sink",
        "shared-<region>-transit",
        "shared-global-transit-peering",
      ].sort(),
    );
    expect(stacks.find((s) => s.stack === "bootstrap-network")?.kind).toBe("bootstrap-<account>");
    expect(stacks.find((s) => s.stack === "dev-us-east-1-network")?.kind).toBe("<env>-<region>-network");
  });

  it("lists every output each synthesized stack declares, with its description", () => {
    const built = buildTestOrg(org);
    const network = synthStack(built.network.find((s) => s.node.id === "prod-eu-west-1-network")!).json;
    const listed = stacks.find((s) => s.stack === "prod-eu-west-1-network")!.outputs.map((o) => o.name);
    expect(listed.sort()).toEqual(Object.keys(network.output ?? {}).sort());
    expect(stacks.find((s) => s.stack === "bootstrap-network")!.outputs).toContainEqual({
      name: "state_bucket",
      description: "Bucket holding every stack state of this account",
    });
  });

  it("says which stacks of a kind have an output that only some have", () => {
    const page = stackOutputsReference(stacks);
    expect(page).toMatch(/\| `vpc_ipv6_cidr` \| [^|]* \| 3 of 8: prod-us-east-1-network, prod-eu-west-1-network, prod-ap-southeast-1-network \|/);
    expect(page).toContain("| `state_bucket` | Bucket holding every stack state of this account | every stack |");
    expect(page).toMatch(/## `<env>-<region>-eks-crds`\n\n3 stack\(s\)[^\n]*\n\nNo outputs\./);
  });
});
