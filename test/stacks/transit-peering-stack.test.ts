import { resolveOrg } from "../../environments/load";
import type { OrgModel } from "../../planning/model";
import { peeringPlan } from "../../planning/routing-plan";
import { buildTestOrg, exampleOrgModel, resourcesOf, synthStack, type StackJson } from "../support/synth";
import { fourRegionOrg } from "./network-variants";

type Body = Record<string, unknown>;

/** The synthesized peering stack of `org`. */
function peeringJson(org: OrgModel): StackJson {
  const stack = buildTestOrg(org).transitPeering;
  if (!stack) throw new Error("no peering stack");
  return synthStack(stack).json;
}

/** "aws.eu-west-1" for a resource on an aliased provider, "aws" for the home one. */
const providerOf = (body: Body): string => (body.provider as string | undefined) ?? "aws";

/** Region of the remote state a reference points into, e.g. "${data.terraform_remote_state.state-of-shared-eu-west-1-transit...}". */
const regionOfRef = (ref: unknown): string => String(ref).match(/state-of-shared-([a-z0-9-]+)-transit/)![1];

describe("the Transit Gateway peering mesh", () => {
  const org = exampleOrgModel();
  const json = peeringJson(org);
  const regions = Object.keys(org.regions);

  it("lives in the network account, at home in the org's first region, with a provider per other region", () => {
    const providers = json.provider!.aws as Body[];
    expect(providers.map((p) => p.alias ?? "home")).toEqual(["home", "eu-west-1", "ap-southeast-1"]);
    expect(providers.map((p) => p.region)).toEqual(regions);
    for (const p of providers) expect(p.allowed_account_ids).toEqual([org.networkAccount.id]);
  });

  it("peers every region pair once: n(n-1)/2 attachments, requested by the earlier region", () => {
    const attachments = resourcesOf(json, "aws_ec2_transit_gateway_peering_attachment");
    expect(attachments).toHaveLength((regions.length * (regions.length - 1)) / 2);
    const pairs = attachments.map((a) => `${regionOfRef(a.transit_gateway_id)}->${a.peer_region}`);
    expect(pairs.sort()).toEqual(["eu-west-1->ap-southeast-1", "us-east-1->ap-southeast-1", "us-east-1->eu-west-1"]);
    for (const a of attachments) {
      const requester = regionOfRef(a.transit_gateway_id);
      expect(providerOf(a)).toBe(requester === regions[0] ? "aws" : `aws.${requester}`);
      expect(regionOfRef(a.peer_transit_gateway_id)).toBe(a.peer_region);
      expect(a.peer_account_id).toBe(org.networkAccount.id);
    }
  });

  it("accepts each peering with a provider in the peer region", () => {
    const attachments = Object.entries(json.resource!.aws_ec2_transit_gateway_peering_attachment);
    const accepters = resourcesOf(json, "aws_ec2_transit_gateway_peering_attachment_accepter");
    expect(accepters).toHaveLength(attachments.length);
    for (const [name, attachment] of attachments) {
      const accepter = accepters.find((a) => a.transit_gateway_attachment_id === `\${aws_ec2_transit_gateway_peering_attachment.${name}.id}`);
      expect(accepter && providerOf(accepter)).toBe(`aws.${attachment.peer_region}`);
    }
  });

  it("associates each peering with the peering route table on both sides", () => {
    const associations = resourcesOf(json, "aws_ec2_transit_gateway_route_table_association");
    expect(associations).toHaveLength(2 * 3);
    for (const a of associations) {
      expect(a.transit_gateway_route_table_id).toMatch(/\.outputs\.peering_route_table_id\}$/);
      expect(a.transit_gateway_attachment_id).toMatch(/^\$\{aws_ec2_transit_gateway_peering_attachment_accepter\./);
      const region = regionOfRef(a.transit_gateway_route_table_id);
      expect(providerOf(a)).toBe(region === regions[0] ? "aws" : `aws.${region}`);
    }
  });

  it("gives every domain route table a static route to every peer VPC of its domain, and to no other", () => {
    const routes = resourcesOf(json, "aws_ec2_transit_gateway_route");
    const have = routes.map((r) => {
      const [, region, domain] = String(r.transit_gateway_route_table_id).match(/state-of-shared-([a-z0-9-]+)-transit\.outputs\.route_table_ids\.(\w+)/)!;
      expect(providerOf(r)).toBe(region === regions[0] ? "aws" : `aws.${region}`);
      return `${region} ${domain} ${r.destination_cidr_block}`;
    });
    const want = regions.flatMap((region) =>
      org.environments.flatMap((env) =>
        env.vpcs.some((v) => v.region.name === region)
          ? org.environments
              .filter((peer) => peer.routingDomain === env.routingDomain)
              .flatMap((peer) => peer.vpcs.filter((v) => v.region.name !== region).map((v) => `${region} ${env.routingDomain} ${v.cidr}`))
          : [],
      ),
    );
    expect(have.sort()).toEqual([...new Set(want)].sort());
    expect(routes).toHaveLength(16);
    for (const r of routes) expect(r.transit_gateway_attachment_id).toMatch(/^\$\{aws_ec2_transit_gateway_peering_attachment_accepter\./);
  });

  it("routes each peer CIDR through the peering between the two regions concerned", () => {
    for (const plan of peeringPlan(org)) {
      for (const r of plan.routes) {
        const other = r.region === plan.requester ? plan.accepter : plan.requester;
        const owners = org.environments.flatMap((e) => e.vpcs).filter((v) => r.cidrs.includes(v.cidr));
        expect(owners.every((v) => v.region.name === other)).toBe(true);
      }
    }
  });

  it("grows to n(n-1)/2 peerings with every added region", () => {
    const four = resolveOrg(fourRegionOrg());
    const fourJson = peeringJson(four);
    expect(resourcesOf(fourJson, "aws_ec2_transit_gateway_peering_attachment")).toHaveLength(6);
    expect(resourcesOf(fourJson, "aws_ec2_transit_gateway_peering_attachment_accepter")).toHaveLength(6);
    const asns = Object.values(four.regions).map((r) => r.transitGatewayAsn);
    expect(new Set(asns).size).toBe(asns.length);
  });
});
