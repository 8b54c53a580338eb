import { Testing } from "cdktf";
import { InternetEgress } from "../../../modules/network/internet-egress";
import { TierRouteTables } from "../../../modules/network/tier-route-tables";
import { resourcesOf } from "../../support/synth";
import { vpcWithSubnets } from "./network-fixture";

function synth(natGateways: "one-per-az" | "single", ipv6: boolean) {
  return JSON.parse(
    Testing.synthScope((scope) => {
      const { vpc, subnets } = vpcWithSubnets(scope, ipv6);
      const egress = new InternetEgress(scope, "egress", { vpc, publicSubnets: subnets.public, natGateways, ipv6, namePrefix: "t" });
      new TierRouteTables(scope, "rt", { vpc, subnets, egress, namePrefix: "t" });
    }),
  );
}

describe("InternetEgress and TierRouteTables", () => {
  it("puts a NAT gateway with its own address in each public subnet, and each zone's private table uses its own", () => {
    const json = synth("one-per-az", false);
    const nats = resourcesOf(json, "aws_nat_gateway");
    expect(
      nats
        .map((n) =>
          String(n.subnet_id)
            .match(/subnets-(\w+)_(use1-az\d)_/)!
            .slice(1)
            .join(" "),
        )
        .sort(),
    ).toEqual(["public use1-az1", "public use1-az2"]);
    expect(resourcesOf(json, "aws_eip")).toHaveLength(2);
    const defaults = resourcesOf(json, "aws_route").filter((r) => r.nat_gateway_id);
    for (const az of ["az1", "az2"]) {
      const [route] = defaults.filter((r) => String(r.route_table_id).includes(`private-use1-${az}`));
      expect(route.nat_gateway_id).toContain(`nat-use1-${az}`);
    }
  });

  it("shares one NAT gateway between every zone when asked for a single one", () => {
    const json = synth("single", false);
    expect(resourcesOf(json, "aws_nat_gateway")).toHaveLength(1);
    expect(
      new Set(
        resourcesOf(json, "aws_route")
          .filter((r) => r.nat_gateway_id)
          .map((r) => r.nat_gateway_id),
      ).size,
    ).toBe(1);
  });

  it("sends IPv6 out of the private tier through an egress-only gateway", () => {
    const json = synth("single", true);
    expect(resourcesOf(json, "aws_egress_only_internet_gateway")).toHaveLength(1);
    const v6 = resourcesOf(json, "aws_route").filter((r) => r.destination_ipv6_cidr_block === "::/0");
    expect(v6.filter((r) => r.egress_only_gateway_id)).toHaveLength(2);
    expect(v6.filter((r) => r.gateway_id)).toHaveLength(1);
  });

  it("gives every subnet a table of its tier: one public, one per zone for private, one data, one transit", () => {
    const json = synth("one-per-az", false);
    expect(
      resourcesOf(json, "aws_route_table")
        .map((t) => (t.tags as Record<string, string>).Name)
        .sort(),
    ).toEqual(["t-data", "t-private-use1-az1", "t-private-use1-az2", "t-public", "t-transit"]);
    expect(resourcesOf(json, "aws_route_table_association")).toHaveLength(8);
  });
});
