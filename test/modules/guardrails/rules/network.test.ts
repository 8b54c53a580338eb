import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { NetworkAcl } from "@cdktf/provider-aws/lib/network-acl";
import { NetworkAclRule } from "@cdktf/provider-aws/lib/network-acl-rule";
import { RamResourceShare } from "@cdktf/provider-aws/lib/ram-resource-share";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { SecurityGroupRule } from "@cdktf/provider-aws/lib/security-group-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import type { TerraformStack } from "cdktf";
import { guardrailErrorsOf, violatedRules } from "../../../support/guardrails";

const sshFrom =
  (...cidrBlocks: string[]) =>
  (s: TerraformStack) =>
    new SecurityGroup(s, "sg", { ingress: [{ fromPort: 22, toPort: 22, protocol: "tcp", cidrBlocks }] });

describe("network guardrails", () => {
  describe("ORG-NET-1: security group ingress from the internet, by CIDR arithmetic", () => {
    it("trips on 0.0.0.0/0 and ::/0", () => {
      expect(violatedRules(sshFrom("0.0.0.0/0"))).toEqual(["ORG-NET-1"]);
      expect(
        violatedRules(
          (s) => new VpcSecurityGroupIngressRule(s, "r", { securityGroupId: "sg-1", ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv6: "::/0" }),
        ),
      ).toEqual(["ORG-NET-1"]);
    });

    it("trips on blocks that add up to the internet: two /1s in one group", () => {
      expect(guardrailErrorsOf(sshFrom("0.0.0.0/1", "128.0.0.0/1"))).toEqual([
        expect.stringMatching(/admit the whole IPv4 internet \(0\.0\.0\.0\/1, 128\.0\.0\.0\/1\)/),
      ]);
    });

    it("trips on standalone rules of one group that add up to the internet, each alone harmless", () => {
      expect(
        violatedRules((s) => {
          new VpcSecurityGroupIngressRule(s, "low", { securityGroupId: "sg-1", ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/1" });
          new SecurityGroupRule(s, "high", {
            securityGroupId: "sg-1",
            type: "ingress",
            protocol: "tcp",
            fromPort: 22,
            toPort: 22,
            cidrBlocks: ["128.0.0.0/1"],
          });
        }),
      ).toEqual(["ORG-NET-1", "ORG-NET-1"]);
    });

    it("trips on the public space split around the private ranges it leaves out", () => {
      // Everything but 10.0.0.0/8: still every public address.
      expect(violatedRules(sshFrom("0.0.0.0/5", "8.0.0.0/7", "11.0.0.0/8", "12.0.0.0/6", "16.0.0.0/4", "32.0.0.0/3", "64.0.0.0/2", "128.0.0.0/1"))).toEqual([
        "ORG-NET-1",
      ]);
    });

    it("passes private ranges, one public half, rules of different groups, and tokens", () => {
      expect(violatedRules(sshFrom("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"))).toEqual([]);
      expect(violatedRules(sshFrom("0.0.0.0/1"))).toEqual([]);
      expect(
        violatedRules((s) => {
          new VpcSecurityGroupIngressRule(s, "low", { securityGroupId: "sg-1", ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/1" });
          new VpcSecurityGroupIngressRule(s, "high", { securityGroupId: "sg-2", ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "128.0.0.0/1" });
          new VpcSecurityGroupIngressRule(s, "vpc", { securityGroupId: "sg-3", ipProtocol: "-1", cidrIpv6: "${aws_vpc.main.ipv6_cidr_block}" });
        }),
      ).toEqual([]);
    });
  });

  describe("ORG-NET-2: network ACLs", () => {
    const acl =
      (...ingress: { protocol: string; fromPort: number; toPort: number; cidrBlock?: string; ipv6CidrBlock?: string }[]) =>
      (s: TerraformStack) =>
        new NetworkAcl(s, "acl", { vpcId: "vpc-1", ingress: ingress.map((e, i) => ({ action: "allow", ruleNo: 100 + i, ...e })) });

    it("trips on all traffic or SSH from the internet, also split into blocks", () => {
      expect(violatedRules(acl({ protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" }))).toEqual(["ORG-NET-2"]);
      expect(
        violatedRules(
          acl({ protocol: "6", fromPort: 22, toPort: 22, cidrBlock: "0.0.0.0/1" }, { protocol: "6", fromPort: 22, toPort: 22, cidrBlock: "128.0.0.0/1" }),
        ),
      ).toEqual(["ORG-NET-2"]);
      expect(
        violatedRules((s) => {
          new NetworkAclRule(s, "v6", { networkAclId: "acl-1", ruleNumber: 100, protocol: "-1", ruleAction: "allow", ipv6CidrBlock: "::/0" });
        }),
      ).toEqual(["ORG-NET-2"]);
      expect(
        violatedRules((s) => {
          new NetworkAclRule(s, "low", {
            networkAclId: "acl-1",
            ruleNumber: 100,
            protocol: "6",
            fromPort: 22,
            toPort: 22,
            ruleAction: "allow",
            cidrBlock: "0.0.0.0/1",
          });
          new NetworkAclRule(s, "high", {
            networkAclId: "acl-1",
            ruleNumber: 110,
            protocol: "6",
            fromPort: 22,
            toPort: 22,
            ruleAction: "allow",
            cidrBlock: "128.0.0.0/1",
          });
          new NetworkAclRule(s, "other", {
            networkAclId: "acl-2",
            ruleNumber: 100,
            protocol: "6",
            fromPort: 22,
            toPort: 22,
            ruleAction: "allow",
            cidrBlock: "128.0.0.0/1",
          });
        }),
      ).toEqual(["ORG-NET-2", "ORG-NET-2"]);
    });

    it("passes a public tier: web ports and the reply range from the internet, all traffic from the VPC", () => {
      expect(
        violatedRules(
          acl(
            { protocol: "6", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" },
            { protocol: "6", fromPort: 80, toPort: 80, ipv6CidrBlock: "::/0" },
            { protocol: "6", fromPort: 1024, toPort: 65535, cidrBlock: "0.0.0.0/0" },
            { protocol: "17", fromPort: 1024, toPort: 65535, cidrBlock: "0.0.0.0/0" },
            { protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "10.0.0.0/16" },
          ),
        ),
      ).toEqual([]);
      expect(
        violatedRules(
          (s) =>
            new NetworkAclRule(s, "out", { networkAclId: "acl-1", ruleNumber: 100, protocol: "-1", ruleAction: "allow", egress: true, cidrBlock: "0.0.0.0/0" }),
        ),
      ).toEqual([]);
    });
  });

  describe("ORG-NET-3: EKS public endpoint", () => {
    const cluster = (vpcConfig: { endpointPublicAccess?: boolean; publicAccessCidrs?: string[] }) => (s: TerraformStack) =>
      new EksCluster(s, "c", {
        name: "c",
        roleArn: "arn:aws:iam::1:role/c",
        vpcConfig: { subnetIds: ["subnet-1"], ...vpcConfig },
        encryptionConfig: { resources: ["secrets"], provider: { keyArn: "arn:aws:kms:us-east-1:1:key/k" } },
        lifecycle: { preventDestroy: true },
      });

    it("trips on the provider's default (public, no CIDRs), a block wider than /24, and /24s adding up to nothing less", () => {
      expect(guardrailErrorsOf(cluster({}))).toEqual([expect.stringMatching(/\[ORG-NET-3\].*without public_access_cidrs, so it admits 0\.0\.0\.0\/0/)]);
      expect(guardrailErrorsOf(cluster({ endpointPublicAccess: true, publicAccessCidrs: ["203.0.112.0/23"] }))).toEqual([
        expect.stringMatching(/203\.0\.112\.0\/23 are wider than \/24/),
      ]);
      expect(violatedRules(cluster({ endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] }))).toEqual(["ORG-NET-3"]);
    });

    it("passes a private endpoint and a public one limited to /24s", () => {
      expect(violatedRules(cluster({ endpointPublicAccess: false }))).toEqual([]);
      expect(violatedRules(cluster({ endpointPublicAccess: true, publicAccessCidrs: ["198.51.100.0/24", "203.0.113.7/32"] }))).toEqual([]);
    });
  });

  describe("ORG-NET-4: RAM shares", () => {
    it("trips on allow_external_principals; passes a share kept in the organization", () => {
      expect(violatedRules((s) => new RamResourceShare(s, "share", { name: "subnets", allowExternalPrincipals: true }))).toEqual(["ORG-NET-4"]);
      expect(violatedRules((s) => new RamResourceShare(s, "share", { name: "subnets", allowExternalPrincipals: false }))).toEqual([]);
    });
  });
});
