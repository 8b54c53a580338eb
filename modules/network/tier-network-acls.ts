import { NetworkAcl, type NetworkAclIngress } from "@cdktf/provider-aws/lib/network-acl";
import type { Subnet } from "@cdktf/provider-aws/lib/subnet";
import type { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Construct } from "constructs";
import type { SubnetTier } from "../../planning/names";

/** Network ACLs of the three-tier model: public, private (application), data. */
export interface TierNetworkAclsProps {
  readonly vpc: Vpc;
  /** Subnet per tier, then per AZ ID. */
  readonly subnets: Readonly<Record<SubnetTier, Readonly<Record<string, Subnet>>>>;
  /** CIDRs of this VPC's carved subnets, per tier and AZ ID (the data tier admits the private and data ones). */
  readonly subnetCidrs: Readonly<Record<SubnetTier, Readonly<Record<string, string>>>>;
  readonly vpcCidr: string;
  /** Other VPCs the private tier may be reached from through the Transit Gateway (the same routing domain). */
  readonly peerCidrs: readonly string[];
  /**
   * The VPC's IPv6 block, for dual-stack rules.
   * @default undefined (IPv4 rules only)
   */
  readonly vpcIpv6Cidr?: string;
  /** Prefix of Name tags, e.g. "dev-us-east-1". */
  readonly namePrefix: string;
}

// Protocol numbers, as AWS reads them back (names would show as a diff on every plan).
const ALL = "-1";
const TCP = "6";
const UDP = "17";
const EPHEMERAL = { fromPort: 1024, toPort: 65535 };

type Entry = Omit<NetworkAclIngress, "ruleNo" | "action">;
const allTraffic = (cidr: string): Entry => ({ protocol: ALL, fromPort: 0, toPort: 0, cidrBlock: cidr });
const allTrafficV6 = (cidr: string): Entry => ({ protocol: ALL, fromPort: 0, toPort: 0, ipv6CidrBlock: cidr });

/** Numbers rules 100, 110, 120… in the order given: the first match wins. */
function numbered(entries: readonly Entry[]): NetworkAclIngress[] {
  return entries.map((e, i) => ({ ...e, ruleNo: 100 + 10 * i, action: "allow" }));
}

/**
 * NACLs are stateless, so replies need their own rules (ephemeral ports). The transit tier shares
 * the private tier's NACL: its Transit Gateway interfaces carry the private tier's cross-VPC traffic.
 */
export class TierNetworkAcls extends Construct {
  public readonly publicAcl: NetworkAcl;
  public readonly privateAcl: NetworkAcl;
  public readonly dataAcl: NetworkAcl;

  constructor(scope: Construct, id: string, props: TierNetworkAclsProps) {
    super(scope, id);
    const v6 = props.vpcIpv6Cidr;
    const subnetIds = (...tiers: SubnetTier[]): string[] => tiers.flatMap((t) => Object.values(props.subnets[t]).map((s) => s.id));
    const acl = (name: string, tiers: SubnetTier[], ingress: Entry[], egress: Entry[]): NetworkAcl =>
      new NetworkAcl(this, name, {
        vpcId: props.vpc.id,
        subnetIds: subnetIds(...tiers),
        ingress: numbered(ingress),
        egress: numbered(egress),
        tags: { Name: `${props.namePrefix}-${name}` },
      });
    const internetReplies = (open: string, v: "cidrBlock" | "ipv6CidrBlock"): Entry[] => [
      { protocol: TCP, ...EPHEMERAL, [v]: open },
      { protocol: UDP, ...EPHEMERAL, [v]: open },
    ];

    // Load balancers take HTTP(S) from anywhere; NAT gateways take anything from inside the VPC.
    this.publicAcl = acl(
      "public",
      ["public"],
      [
        { protocol: TCP, fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" },
        { protocol: TCP, fromPort: 80, toPort: 80, cidrBlock: "0.0.0.0/0" },
        allTraffic(props.vpcCidr),
        ...internetReplies("0.0.0.0/0", "cidrBlock"),
        ...(v6
          ? [
              { protocol: TCP, fromPort: 443, toPort: 443, ipv6CidrBlock: "::/0" },
              { protocol: TCP, fromPort: 80, toPort: 80, ipv6CidrBlock: "::/0" },
              allTrafficV6(v6),
              ...internetReplies("::/0", "ipv6CidrBlock"),
            ]
          : []),
      ],
      [allTraffic("0.0.0.0/0"), ...(v6 ? [allTrafficV6("::/0")] : [])],
    );

    // The application tier: anything from this VPC and its routing domain, replies from the internet.
    this.privateAcl = acl(
      "private",
      ["private", "transit"],
      [
        allTraffic(props.vpcCidr),
        ...props.peerCidrs.map(allTraffic),
        ...internetReplies("0.0.0.0/0", "cidrBlock"),
        ...(v6 ? [allTrafficV6(v6), ...internetReplies("::/0", "ipv6CidrBlock")] : []),
      ],
      [allTraffic("0.0.0.0/0"), ...(v6 ? [allTrafficV6("::/0")] : [])],
    );

    // The data tier talks to the application tier and to itself, nothing else.
    const inner = [...Object.values(props.subnetCidrs.private), ...Object.values(props.subnetCidrs.data)];
    this.dataAcl = acl(
      "data",
      ["data"],
      [...inner.map(allTraffic), ...(v6 ? [...subnetIpv6Of(props.subnets.private), ...subnetIpv6Of(props.subnets.data)].map(allTrafficV6) : [])],
      [allTraffic(props.vpcCidr), ...(v6 ? [allTrafficV6(v6)] : [])],
    );
  }
}

function subnetIpv6Of(subnets: Readonly<Record<string, Subnet>>): string[] {
  return Object.values(subnets).map((s) => s.ipv6CidrBlock);
}
