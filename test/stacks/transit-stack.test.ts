import { resolveOrg } from "../../environments/load";
import { buildTestOrg, exampleOrgInput, exampleOrgModel, findStack, resourcesOf, synthStack } from "../support/synth";
import { singleRegionOrg } from "./network-variants";

describe("the transit stacks", () => {
  const org = exampleOrgModel();
  const stacks = buildTestOrg(org);

  it("has one per region of the org, named shared-<region>-transit, in the network account", () => {
    expect(stacks.transit.map((s) => s.node.id)).toEqual(Object.keys(org.regions).map((r) => `shared-${r}-transit`));
    for (const stack of stacks.transit) {
      const { json } = synthStack(stack);
      expect(json.provider?.aws[0]).toMatchObject({ region: stack.region, allowed_account_ids: [org.networkAccount.id] });
    }
  });

  it("gives each region's gateway its own ASN, with default association, propagation and auto-accept off", () => {
    const gateways = stacks.transit.map((s) => resourcesOf(synthStack(s).json, "aws_ec2_transit_gateway")[0]);
    expect(gateways.map((g) => g.amazon_side_asn)).toEqual(Object.values(org.regions).map((r) => r.transitGatewayAsn));
    expect(new Set(gateways.map((g) => g.amazon_side_asn)).size).toBe(gateways.length);
    for (const g of gateways) {
      expect(g).toMatchObject({
        default_route_table_association: "disable",
        default_route_table_propagation: "disable",
        auto_accept_shared_attachments: "disable",
      });
    }
  });

  it("has a route table per routing domain present in the region, plus the peering table", () => {
    const names = (region: string) =>
      resourcesOf(synthStack(findStack(stacks.transit, `shared-${region}-transit`)).json, "aws_ec2_transit_gateway_route_table").map(
        (t) => (t.tags as Record<string, string>).Name,
      );
    expect(names("us-east-1").sort()).toEqual(["shared-us-east-1-transit-nonprod", "shared-us-east-1-transit-peering", "shared-us-east-1-transit-prod"]);
    const onlyProd = exampleOrgInput();
    delete onlyProd.environments.dev.regions["ap-southeast-1"];
    const stack = findStack(buildTestOrg(resolveOrg(onlyProd)).transit, "shared-ap-southeast-1-transit");
    expect(
      resourcesOf(synthStack(stack).json, "aws_ec2_transit_gateway_route_table")
        .map((t) => (t.tags as Record<string, string>).Name)
        .sort(),
    ).toEqual(["shared-ap-southeast-1-transit-peering", "shared-ap-southeast-1-transit-prod"]);
  });

  it("shares the gateway with the workload accounts of the environments in the region, closed to outsiders", () => {
    const { json } = synthStack(findStack(stacks.transit, "shared-eu-west-1-transit"));
    expect(resourcesOf(json, "aws_ram_resource_share")).toEqual([expect.objectContaining({ allow_external_principals: false })]);
    expect(resourcesOf(json, "aws_ram_resource_association").map((a) => a.resource_arn)).toEqual([
      expect.stringMatching(/^\$\{aws_ec2_transit_gateway\.hub_tgw_\w+\.arn\}$/),
    ]);
    expect(
      resourcesOf(json, "aws_ram_principal_association")
        .map((p) => p.principal)
        .sort(),
    ).toEqual(["555555555555", "666666666666", "arn:aws:organizations::111111111111:ou/o-exampleorg1/ou-exmp-44444444"]);
  });

  it("outputs the gateway id and the route table ids by domain", () => {
    const { json } = synthStack(findStack(stacks.transit, "shared-us-east-1-transit"));
    expect(Object.keys(json.output ?? {}).sort()).toEqual(["peering_route_table_id", "route_table_ids", "transit_gateway_id"]);
    expect(Object.keys(json.output!.route_table_ids.value as object).sort()).toEqual(["nonprod", "prod"]);
  });

  it("is read by each network stack of its region through remote state, which orders the deploy", () => {
    for (const network of stacks.network) {
      const { json } = synthStack(network);
      const transitName = `shared-${network.region}-transit`;
      // Besides its own last apply (read back by the subnet move guard), it reads only the transit stack.
      const others = Object.keys(json.data?.terraform_remote_state ?? {}).filter((name) => !name.startsWith("subnet-move-guard_"));
      expect(others).toEqual([`state-of-${transitName}`]);
      expect(network.dependencies.map((d) => d.node.id)).toContain(transitName);
    }
  });

  it("has no peering table and no peering stack in a single-region org", () => {
    const single = buildTestOrg(resolveOrg(singleRegionOrg("us-east-1")));
    expect(single.transitPeering).toBeUndefined();
    const { json } = synthStack(single.transit[0]);
    expect(resourcesOf(json, "aws_ec2_transit_gateway_route_table")).toHaveLength(2);
    expect(json.output?.peering_route_table_id).toBeUndefined();
    const network = synthStack(single.network[0]).json;
    expect(resourcesOf(network, "aws_ec2_transit_gateway_route_table_propagation")).toHaveLength(1);
  });
});
