import type { OrgConfigInput } from "../../environments/schema";
import { resolveOrg } from "../../environments/load";
import { configProblemsOf } from "../support/config-problems";
import { exampleOrgInput } from "../support/synth";

type EksInput = NonNullable<OrgConfigInput["environments"][string]["eks"]>;

/** The problems `resolveOrg` reports once dev's eks settings are tweaked. */
const problemsOf = (tweak: (eks: EksInput, org: OrgConfigInput) => void): string[] => configProblemsOf((org) => tweak(org.environments.dev.eks!, org));

describe("EKS config validation", () => {
  it("accepts the example org's clusters", () => {
    expect(problemsOf(() => undefined)).toEqual([]);
  });

  it("rejects a cluster region without the environment's VPC", () => {
    expect(problemsOf((eks) => eks.regions.push("us-west-2"))).toEqual([
      'environments.dev.eks.regions.1: region "us-west-2" has no VPC in environment "dev" (it has "us-east-1", "eu-west-1", "ap-southeast-1"); the cluster runs in the environment\'s shared private subnets, so add the region under environments.dev.regions or drop it here',
    ]);
  });

  it("rejects a public endpoint open to 0.0.0.0/0, even split into two /1s, and anything wider than a /24", () => {
    expect(problemsOf((eks) => (eks.publicAccessCidrs = ["0.0.0.0/1", "128.0.0.0/1", "203.0.113.0/24", "198.51.100.0/23"]))).toEqual([
      "environments.dev.eks.publicAccessCidrs.0: 0.0.0.0/1 admits 2147483648 addresses to the Kubernetes API; list the /24 or narrower blocks your operators come from, or leave publicAccessCidrs empty (private endpoint, reached through the VPC)",
      "environments.dev.eks.publicAccessCidrs.1: 128.0.0.0/1 admits 2147483648 addresses to the Kubernetes API; list the /24 or narrower blocks your operators come from, or leave publicAccessCidrs empty (private endpoint, reached through the VPC)",
      "environments.dev.eks.publicAccessCidrs.3: 198.51.100.0/23 admits 512 addresses to the Kubernetes API; list the /24 or narrower blocks your operators come from, or leave publicAccessCidrs empty (private endpoint, reached through the VPC)",
    ]);
    expect(problemsOf((eks) => (eks.publicAccessCidrs = ["0.0.0.0/0"]))).toHaveLength(1);
  });

  it("rejects a region listed twice", () => {
    expect(problemsOf((eks) => eks.regions.push("us-east-1"))).toEqual(['environments.dev.eks.regions.1: region "us-east-1" is listed twice']);
  });

  it("rejects a cluster in an environment that does not share its private subnets", () => {
    const problems = problemsOf((_eks, org) => (org.environments.dev.sharedTiers = ["data"]));
    expect(problems.filter((p) => p.startsWith("environments.dev.eks"))).toEqual([
      'environments.dev.eks.regions: the EKS cluster runs in the shared private subnets, but environments.dev.sharedTiers ("data") does not share "private" with the workload accounts; add it',
    ]);
  });

  it("rejects a NodePool allowing a type that fits fewer pods than minPodsPerNode, naming each type and its pods", () => {
    expect(
      problemsOf(
        (eks) => ((eks.minPodsPerNode = 30), (eks.nodePools.general.instanceFamilies = ["m6i"]), (eks.nodePools.general.instanceSizes = ["large", "xlarge"])),
      ),
    ).toEqual([
      "environments.dev.eks.nodePools.general.instanceSizes: m6i.large fits 29 pods, fewer than minPodsPerNode 30 (VPC CNI: ENIs × (IPv4 per ENI − 1) + 2); drop those sizes, or lower minPodsPerNode (check with `npm run max-pods -- m6i.large`)",
    ]);
  });

  it("rejects a NodePool allowing a type the instance table does not know", () => {
    expect(problemsOf((eks) => (eks.nodePools.general.instanceFamilies = ["m6i", "x9z"]))).toEqual([
      'environments.dev.eks.nodePools.general.instanceSizes: "x9z.large", "x9z.xlarge", "x9z.2xlarge" are not in the instance-type table (planning/instance-eni-limits.ts) nor under eniLimits, so their pods per node are unknown; every family × size is allowed, so drop the family or size, or declare each type\'s ENI limits, e.g. eniLimits: { "x9z.large": { enis: 3, ipv4PerEni: 10 } }',
    ]);
  });

  it("accepts a type newer than the table once the org file declares its ENI limits, and checks its pods like any other", () => {
    const newer = (limits: Record<string, { enis: number; ipv4PerEni: number }>) =>
      problemsOf(
        (eks, org) => (
          (org.eniLimits = limits),
          (eks.minPodsPerNode = 30),
          (eks.nodePools.general.instanceFamilies = ["m9x"]),
          (eks.nodePools.general.instanceSizes = ["large"])
        ),
      );
    expect(newer({ "m9x.large": { enis: 4, ipv4PerEni: 15 } })).toEqual([]);
    expect(newer({ "m9x.large": { enis: 3, ipv4PerEni: 10 } })).toEqual([
      "environments.dev.eks.nodePools.general.instanceSizes: m9x.large fits 29 pods, fewer than minPodsPerNode 30 (VPC CNI: ENIs × (IPv4 per ENI − 1) + 2); drop those sizes, or lower minPodsPerNode (check with `npm run max-pods -- m9x.large`)",
    ]);
  });

  it("names the instance type and the field in a malformed eniLimits entry", () => {
    const problems = configProblemsOf((org) => (org.eniLimits = { "m9x.large": { enis: 0, ipv4PerEni: 10 } }));
    expect(problems).toEqual([expect.stringMatching(/^eniLimits\.m9x\.large\.enis: /)]);
  });

  it("rejects a configuration without any NodePool", () => {
    expect(problemsOf((eks) => (eks.nodePools = {}))).toEqual([
      'environments.dev.eks.nodePools: name at least one NodePool, e.g. { general: { instanceFamilies: ["m6i"], instanceSizes: ["large"], cpuLimit: 64, memoryLimitGiB: 256 } }; without one Karpenter launches nothing',
    ]);
  });

  it("rejects a quiet window on a pool that is never disrupted anyway", () => {
    expect(
      problemsOf(
        (eks) => ((eks.nodePools.general.maxDisruptedPercent = 0), (eks.nodePools.general.quietWindow = { schedule: "0 8 * * mon-fri", duration: "8h" })),
      ),
    ).toEqual([
      "environments.dev.eks.nodePools.general.quietWindow: maxDisruptedPercent is already 0 (no voluntary disruption ever), so a quiet window changes nothing; drop quietWindow or allow some disruption outside it",
    ]);
  });

  it("rejects a system node group whose maxSize is below its minSize", () => {
    expect(problemsOf((eks) => (eks.systemNodes = { instanceTypes: ["m6i.large"], minSize: 3, maxSize: 2 }))).toEqual([
      "environments.dev.eks.systemNodes.maxSize: maxSize 2 is below minSize 3; raise maxSize to at least 3",
    ]);
  });

  it("rejects a system node type the instance table does not know, listing the family's known types", () => {
    const problems = problemsOf((eks) => (eks.systemNodes = { instanceTypes: ["t3.huge"], minSize: 2, maxSize: 3 }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /^environments\.dev\.eks\.systemNodes\.instanceTypes\.0: "t3\.huge" is not in the instance-type table \(planning\/instance-eni-limits\.ts\) nor under eniLimits; known t3 types: t3\.nano, t3\.micro, .*; pick a known type, or for a type newer than the table declare its ENI limits \(aws ec2 describe-instance-types --instance-types t3\.huge\), e\.g\. eniLimits: \{ "t3\.huge": \{ enis: 3, ipv4PerEni: 10 \} \}$/,
    );
  });

  it("rejects system node types of two CPU architectures (one AMI per node group)", () => {
    expect(problemsOf((eks) => (eks.systemNodes = { instanceTypes: ["m6i.large", "m6g.large"], minSize: 2, maxSize: 3 }))).toEqual([
      'environments.dev.eks.systemNodes.instanceTypes: mixes CPU architectures ("m6i.large: amd64", "m6g.large: arm64"); a node group runs one AMI, so pick types of one architecture',
    ]);
  });

  it("rejects a single system node (the schema keeps two for two controller replicas)", () => {
    expect(problemsOf((eks) => (eks.systemNodes = { instanceTypes: ["m6i.large"], minSize: 1, maxSize: 3 }))).toEqual([
      "environments.dev.eks.systemNodes.minSize: must be at least 2 so each platform controller keeps 2 replicas on 2 nodes",
    ]);
  });

  it("rejects durations, windows and ARNs Karpenter or IAM would refuse, with examples", () => {
    expect(
      problemsOf((eks) => {
        eks.nodePools.general.consolidateAfter = "1 minute";
        eks.nodePools.general.quietWindow = { schedule: "mondays", duration: "8h" };
        eks.platformAdminRoleArn = "platform-admin";
      }),
    ).toEqual([
      'environments.dev.eks.platformAdminRoleArn: must be an IAM role ARN like "arn:aws:iam::555555555555:role/platform-admin"',
      'environments.dev.eks.nodePools.general.consolidateAfter: must be a duration like "30s", "5m" or "720h"',
      expect.stringMatching(
        /^environments\.dev\.eks\.nodePools\.general\.quietWindow\.schedule: "mondays" has 1 field; Karpenter takes exactly 5 .*e\.g\. "0 8 \* \* mon-fri"/,
      ),
    ]);
  });

  it("resolves the cluster regions in the org's region order", () => {
    const org = exampleOrgInput();
    org.environments.prod.eks!.regions = ["eu-west-1", "us-east-1"];
    expect(resolveOrg(org, "test").environments.find((e) => e.name === "prod")!.eks!.regions).toEqual(["us-east-1", "eu-west-1"]);
  });

  describe("node images", () => {
    const prodProblems = (tweak: (eks: EksInput) => void): string[] =>
      configProblemsOf((org) => tweak(org.environments.prod.eks!)).filter((p) => p.startsWith("environments.prod.eks"));

    it('refuses "@latest" for Karpenter\'s nodes unless the environment opts in', () => {
      expect(prodProblems((eks) => (eks.amiAlias = "al2023@latest"))).toEqual([
        'environments.prod.eks.amiAlias: "al2023@latest" replaces every Karpenter node on each AMI release; pin a release like "al2023@v20260129" (awslabs/amazon-eks-ami releases), or set environments.prod.eks.allowLatestAmi: true where that is wanted (never prod)',
      ]);
      expect(prodProblems((eks) => ((eks.amiAlias = "al2023@latest"), (eks.allowLatestAmi = true)))).toEqual([]);
    });

    it("refuses an unpinned system node group unless the environment opts in", () => {
      expect(prodProblems((eks) => delete eks.systemNodes!.releaseVersion)).toEqual([
        'environments.prod.eks.systemNodes.releaseVersion: is not set, so the system node group takes the newest AMI whenever it is created or upgraded; pin one like "1.35.0-20260129", or set environments.prod.eks.allowLatestAmi: true where that is wanted (never prod)',
      ]);
    });

    it("refuses an AMI release of another Kubernetes version than the cluster's", () => {
      expect(prodProblems((eks) => (eks.kubernetesVersion = "1.34"))).toEqual([
        'environments.prod.eks.systemNodes.releaseVersion: "1.35.0-20260129" is an AMI release for Kubernetes 1.35, but the cluster runs 1.34; pin a release of 1.34 (bump both together when upgrading)',
      ]);
    });

    it('leaves dev on "@latest", which it opts in to explicitly', () => {
      expect(problemsOf((eks) => (eks.allowLatestAmi = false))).toEqual([
        'environments.dev.eks.amiAlias: "al2023@latest" replaces every Karpenter node on each AMI release; pin a release like "al2023@v20260129" (awslabs/amazon-eks-ami releases), or set environments.dev.eks.allowLatestAmi: true where that is wanted (never prod)',
        'environments.dev.eks.systemNodes.releaseVersion: is not set, so the system node group takes the newest AMI whenever it is created or upgraded; pin one like "1.35.0-20260129", or set environments.dev.eks.allowLatestAmi: true where that is wanted (never prod)',
      ]);
    });
  });
});
