import { Testing } from "cdktf";
import { resourcesOf } from "../../support/synth";
import { vpcWithSubnets } from "./network-fixture";

describe("SharedSubnets", () => {
  it("places each subnet by AZ ID and never by AZ name", () => {
    const json = JSON.parse(Testing.synthScope((scope) => vpcWithSubnets(scope)));
    const subnets = resourcesOf(json, "aws_subnet");
    expect(subnets).toHaveLength(8);
    for (const s of subnets) {
      expect(s).not.toHaveProperty("availability_zone");
      expect(["use1-az1", "use1-az2"]).toContain(s.availability_zone_id);
      expect(s).not.toHaveProperty("ipv6_cidr_block");
    }
  });

  it("gives dual-stack subnets distinct /64s of the VPC's block, numbered by tier and AZ ID", () => {
    const json = JSON.parse(Testing.synthScope((scope) => vpcWithSubnets(scope, true)));
    const netnums = resourcesOf(json, "aws_subnet").map((s) => {
      expect(s).toMatchObject({ assign_ipv6_address_on_creation: true });
      return Number(String(s.ipv6_cidr_block).match(/cidrsubnet\(aws_vpc\.vpc\.ipv6_cidr_block, 8, (\d+)\)/)![1]);
    });
    expect(netnums.sort((a, b) => a - b)).toEqual([0, 1, 16, 17, 32, 33, 48, 49]);
  });
});
