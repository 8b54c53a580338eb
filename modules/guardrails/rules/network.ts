import { TerraformResource, TerraformStack } from "cdktf";
import type { IConstruct } from "constructs";
import { publicSpaceCoveredBy, spanOf } from "../public-space";
import { subjectOf, type CheckedSubject, type GuardrailRule, type ResourceBody } from "../rule";

const strings = (value: unknown): string[] => (value === undefined || value === null ? [] : ([] as unknown[]).concat(value).map(String));
const openness = (cidrs: string[]): string | undefined => {
  const families = publicSpaceCoveredBy(cidrs);
  return families.length ? `together they admit the whole ${families.join(" and ")} internet (${cidrs.join(", ")})` : undefined;
};

const STANDALONE_INGRESS = ["aws_vpc_security_group_ingress_rule", "aws_security_group_rule"];

/** The other elements of `kinds` in the element's stack, as rules see them (rendered only when of those kinds). */
function siblingsOf(element: IConstruct, kinds: readonly string[]): CheckedSubject[] {
  return TerraformStack.of(element)
    .node.findAll()
    .filter((c) => c instanceof TerraformResource && kinds.includes(c.terraformResourceType))
    .map(subjectOf)
    .filter((s): s is CheckedSubject => s !== undefined);
}

/** The CIDRs an ingress rule resource admits (none for an egress rule). */
function ingressCidrsOf({ kind, body }: CheckedSubject): string[] {
  if (kind === "aws_vpc_security_group_ingress_rule") return [...strings(body.cidr_ipv4), ...strings(body.cidr_ipv6)];
  if (kind === "aws_security_group_rule" && body.type === "ingress") return [...strings(body.cidr_blocks), ...strings(body.ipv6_cidr_blocks)];
  return [];
}

export const noPublicIngress: GuardrailRule = {
  id: "ORG-NET-1",
  description: "No security group admits traffic from the whole internet",
  why: "an instance port open to the internet is found by scanners within minutes; splitting 0.0.0.0/0 into blocks opens it just the same",
  appliesTo: ["aws_security_group", ...STANDALONE_INGRESS],
  check: (subject) => {
    if (subject.kind === "aws_security_group") {
      const ingress = (subject.body.ingress as ResourceBody[] | undefined) ?? [];
      return openness(ingress.flatMap((r) => [...strings(r.cidr_blocks), ...strings(r.ipv6_cidr_blocks)]));
    }
    if (!ingressCidrsOf(subject).length) return undefined;
    // Rules of one group add up: each is judged with every other ingress rule of its group in the stack.
    const group = String(subject.body.security_group_id);
    const siblings = siblingsOf(subject.element, STANDALONE_INGRESS).filter((s) => String(s.body.security_group_id) === group);
    return openness([...new Set(siblings.flatMap(ingressCidrsOf))]);
  },
  fix: "admit only the security groups or CIDRs that need the port; public entry goes through a load balancer module",
};

/** Ports a public subnet answers on: web, and the ephemeral range that replies come back to. */
const INTERNET_FACING_PORTS = (from: number, to: number): boolean => (from === to && (from === 80 || from === 443)) || from >= 1024;

/** Whether a NACL allow entry admits more than web traffic and replies. */
function admitsBeyondWebAndReplies(entry: ResourceBody): boolean {
  const protocol = String(entry.protocol);
  if (protocol === "-1" || protocol === "all") return true;
  if (!["6", "17", "tcp", "udp"].includes(protocol)) return false; // ICMP carries path-MTU discovery
  return !INTERNET_FACING_PORTS(Number(entry.from_port ?? 0), Number(entry.to_port ?? 65535));
}

export const noPublicNaclIngress: GuardrailRule = {
  id: "ORG-NET-2",
  description: "No network ACL admits the whole internet beyond web ports and reply traffic",
  why: "NACLs are stateless, so replies (1024-65535) and public web ports must stay open on public tiers; anything more from the internet is an open door",
  appliesTo: ["aws_network_acl", "aws_network_acl_rule"],
  check: ({ kind, body, element }) => {
    const entries: ResourceBody[] =
      kind === "aws_network_acl"
        ? ((body.ingress as ResourceBody[] | undefined) ?? []).filter((e) => e.action === "allow")
        : body.egress !== true && body.rule_action === "allow"
          ? [body]
          : [];
    const risky = entries.filter(admitsBeyondWebAndReplies);
    if (kind === "aws_network_acl_rule" && risky.length) {
      // Rules of one ACL add up, as in ORG-NET-1.
      const acl = String(body.network_acl_id);
      const siblings = siblingsOf(element, ["aws_network_acl_rule"]).filter((s) => s.element !== element && String(s.body.network_acl_id) === acl);
      risky.push(...siblings.map((s) => s.body).filter((b) => b.egress !== true && b.rule_action === "allow" && admitsBeyondWebAndReplies(b)));
    }
    return openness(risky.flatMap((e) => [...strings(e.cidr_block), ...strings(e.ipv6_cidr_block)]));
  },
  fix: "allow from the internet only 80/443 and the 1024-65535 reply range; everything else from named CIDRs",
};

/** Widest block an EKS public endpoint may admit: an office or a NAT egress, not a provider's range. */
const WIDEST_ENDPOINT_PREFIX = 24;

export const eksEndpointCidrs: GuardrailRule = {
  id: "ORG-NET-3",
  description: "An EKS public API endpoint admits only named /24-or-narrower blocks",
  why: "the Kubernetes API is a login page for the whole cluster; the provider's default admits 0.0.0.0/0",
  appliesTo: ["aws_eks_cluster"],
  check: ({ body }) => {
    const vpc = ([] as ResourceBody[]).concat((body.vpc_config as ResourceBody | ResourceBody[] | undefined) ?? [])[0] ?? {};
    if (vpc.endpoint_public_access === false) return undefined;
    const cidrs = strings(vpc.public_access_cidrs);
    if (!cidrs.length) return "the public endpoint is on (the default) without public_access_cidrs, so it admits 0.0.0.0/0";
    const wide = cidrs.filter((c) => {
      const parsed = spanOf(c);
      return parsed !== undefined && parsed.prefix < (parsed.family === 4 ? WIDEST_ENDPOINT_PREFIX : 48);
    });
    if (wide.length) return `public_access_cidrs ${wide.join(", ")} are wider than /${WIDEST_ENDPOINT_PREFIX} (IPv6: /48)`;
    return openness(cidrs);
  },
  fix: "set `endpointPublicAccess: false` (reach the API through the VPC), or list the /24 (or narrower) blocks that need it",
};

export const ramInternalOnly: GuardrailRule = {
  id: "ORG-NET-4",
  description: "RAM shares stay inside the organization",
  why: "with allow_external_principals a share can be offered to any AWS account, and the shared subnets with it",
  appliesTo: ["aws_ram_resource_share"],
  check: ({ body }) => (body.allow_external_principals === true ? "allow_external_principals is true" : undefined),
  fix: "set `allowExternalPrincipals: false` and share with OUs or accounts of the organization",
};

export const NETWORK_RULES = [noPublicIngress, noPublicNaclIngress, eksEndpointCidrs, ramInternalOnly];
