import { resolveOrg } from "../../environments/load";
import { domainsIn, isMeshed, peeringPlan, sameDomainPeerCidrs, transitDestinations } from "../../planning/routing-plan";
import { exampleOrgModel } from "../support/synth";
import { fourRegionOrg, singleRegionOrg } from "../stacks/network-variants";

describe("routing plan", () => {
  const org = exampleOrgModel();
  const vpc = (env: string, region: string) => org.environments.find((e) => e.name === env)!.vpcs.find((v) => v.region.name === region)!;

  it("finds the routing domains present in each region", () => {
    expect(domainsIn(org, "us-east-1")).toEqual(["nonprod", "prod"]);
    expect(domainsIn(org, "ap-southeast-1")).toEqual(["nonprod", "prod"]);
  });

  it("lets a VPC be reached from every other VPC of its routing domain, and from no other domain", () => {
    expect(sameDomainPeerCidrs(org, vpc("dev", "us-east-1")).sort()).toEqual(["10.1.0.0/16", "10.16.0.0/16", "10.17.0.0/16", "10.32.0.0/16"]);
    expect(sameDomainPeerCidrs(org, vpc("prod", "eu-west-1")).sort()).toEqual(["10.40.0.0/16", "10.8.0.0/16"]);
  });

  it("sends every region's address space to the Transit Gateway", () => {
    expect(transitDestinations(org)).toEqual(["10.0.0.0/12", "10.16.0.0/12", "10.32.0.0/12"]);
  });

  it("meshes n regions with n(n-1)/2 peerings, the earlier region requesting", () => {
    expect(peeringPlan(org).map((p) => `${p.requester}->${p.accepter}`)).toEqual([
      "us-east-1->eu-west-1",
      "us-east-1->ap-southeast-1",
      "eu-west-1->ap-southeast-1",
    ]);
    expect(peeringPlan(resolveOrg(fourRegionOrg()))).toHaveLength(6);
    const single = resolveOrg(singleRegionOrg("eu-west-1"));
    expect([isMeshed(single), peeringPlan(single)]).toEqual([false, []]);
  });

  it("routes each side's domain tables to the other side's VPCs of the same domain", () => {
    const [usEu] = peeringPlan(org);
    expect(usEu.routes).toEqual([
      { region: "us-east-1", domain: "nonprod", cidrs: ["10.16.0.0/16", "10.17.0.0/16"] },
      { region: "us-east-1", domain: "prod", cidrs: ["10.24.0.0/16"] },
      { region: "eu-west-1", domain: "nonprod", cidrs: ["10.0.0.0/16", "10.1.0.0/16"] },
      { region: "eu-west-1", domain: "prod", cidrs: ["10.8.0.0/16"] },
    ]);
    const total = peeringPlan(org).reduce((n, p) => n + p.routes.reduce((m, r) => m + r.cidrs.length, 0), 0);
    expect(total).toBe(16);
  });
});
