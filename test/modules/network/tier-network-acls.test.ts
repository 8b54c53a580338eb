import { Testing } from "cdktf";
import { TierNetworkAcls } from "../../../modules/network/tier-network-acls";
import { resourcesOf } from "../../support/synth";
import { CIDRS, vpcWithSubnets } from "./network-fixture";

type Rule = { rule_no: number; protocol: string; from_port: number; to_port: number; cidr_block?: string | null; ipv6_cidr_block?: string | null };

function acls(ipv6: boolean) {
  const json = JSON.parse(
    Testing.synthScope((scope) => {
      const { vpc, subnets } = vpcWithSubnets(scope, ipv6);
      new TierNetworkAcls(scope, "nacls", {
        vpc,
        subnets,
        subnetCidrs: CIDRS,
        vpcCidr: "10.0.0.0/16",
        peerCidrs: ["10.16.0.0/16"],
        vpcIpv6Cidr: ipv6 ? vpc.ipv6CidrBlock : undefined,
        namePrefix: "t",
      });
    }),
  );
  const byName = Object.fromEntries(resourcesOf(json, "aws_network_acl").map((a) => [(a.tags as Record<string, string>).Name, a]));
  const rules = (name: string, direction: "ingress" | "egress") =>
    (byName[name][direction] as Rule[]).map((r) => `${r.protocol} ${r.from_port}-${r.to_port} ${r.cidr_block ?? r.ipv6_cidr_block}`);
  return { byName, rules };
}

describe("TierNetworkAcls", () => {
  const { byName, rules } = acls(false);

  it("lets the internet reach the public tier on HTTP(S) and replies only", () => {
    expect(rules("t-public", "ingress")).toEqual([
      "6 443-443 0.0.0.0/0",
      "6 80-80 0.0.0.0/0",
      "-1 0-0 10.0.0.0/16",
      "6 1024-65535 0.0.0.0/0",
      "17 1024-65535 0.0.0.0/0",
    ]);
  });

  it("admits the VPC and its routing-domain peers into the private tier, and from the internet only replies", () => {
    expect(rules("t-private", "ingress")).toEqual(["-1 0-0 10.0.0.0/16", "-1 0-0 10.16.0.0/16", "6 1024-65535 0.0.0.0/0", "17 1024-65535 0.0.0.0/0"]);
    expect(rules("t-private", "egress")).toEqual(["-1 0-0 0.0.0.0/0"]);
  });

  it("lets only the private and data subnets talk to the data tier, which talks only inside the VPC", () => {
    expect(rules("t-data", "ingress")).toEqual([...Object.values(CIDRS.private), ...Object.values(CIDRS.data)].map((c) => `-1 0-0 ${c}`));
    expect(rules("t-data", "egress")).toEqual(["-1 0-0 10.0.0.0/16"]);
  });

  it("covers the transit subnets with the private tier's ACL", () => {
    expect((byName["t-private"].subnet_ids as string[]).filter((id) => id.includes("subnets-transit"))).toHaveLength(2);
    expect(Object.keys(byName).sort()).toEqual(["t-data", "t-private", "t-public"]);
  });

  it("numbers rules in steps of 10 from 100, in the order they are meant to match", () => {
    expect((byName["t-public"].ingress as Rule[]).map((r) => r.rule_no)).toEqual([100, 110, 120, 130, 140]);
  });

  it("adds the IPv6 counterparts when the VPC is dual-stack", () => {
    const dual = acls(true);
    expect(dual.rules("t-public", "ingress")).toEqual(expect.arrayContaining(["6 443-443 ::/0", "6 1024-65535 ::/0", "-1 0-0 ${aws_vpc.vpc.ipv6_cidr_block}"]));
    expect(dual.rules("t-private", "egress")).toEqual(["-1 0-0 0.0.0.0/0", "-1 0-0 ::/0"]);
    expect(dual.rules("t-data", "ingress").filter((r) => r.includes("aws_subnet"))).toHaveLength(4);
  });
});
