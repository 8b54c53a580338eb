import { eksNodePoolSchema } from "../../../environments/schema";
import { ec2NodeClass, NODE_POOL_LABEL, nodePool } from "../../../modules/eks/karpenter-manifests";
import { instanceTypeTable } from "../../../planning/max-pods";
import { validateModel } from "../../../modules/kubernetes/schema-validation";

const AZ_IDS = ["use1-az1", "use1-az2", "use1-az4"];
const pool = (overrides: Record<string, unknown> = {}) =>
  eksNodePoolSchema.parse({ instanceFamilies: ["m6i", "c6i"], instanceSizes: ["large", "xlarge"], cpuLimit: 64, memoryLimitGiB: 256, ...overrides });

describe("the EC2NodeClass", () => {
  const nodeClass = ec2NodeClass({
    name: "default",
    clusterName: "dev-us-east-1",
    instanceProfile: "dev-us-east-1-karpenter-node",
    subnetIds: ["subnet-0aaa", "subnet-0bbb"],
    securityGroupIds: ["sg-0nodes"],
    amiAlias: "al2023@latest",
  });

  it("is a valid karpenter.k8s.aws/v1 EC2NodeClass", () => {
    expect(nodeClass.toJSON()).toMatchObject({ apiVersion: "karpenter.k8s.aws/v1", kind: "EC2NodeClass" });
    expect(() => validateModel(nodeClass, "EC2NodeClass")).not.toThrow();
  });

  it("selects subnets and security groups by id, never by tag (shared-subnet tags are invisible to the workload account)", () => {
    expect(nodeClass.spec!.subnetSelectorTerms).toEqual([{ id: "subnet-0aaa" }, { id: "subnet-0bbb" }]);
    expect(nodeClass.spec!.securityGroupSelectorTerms).toEqual([{ id: "sg-0nodes" }]);
  });

  it("launches with the cluster stack's instance profile, IMDSv2 one hop and an encrypted root volume", () => {
    expect(nodeClass.spec).toMatchObject({
      instanceProfile: "dev-us-east-1-karpenter-node",
      metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 1 },
      blockDeviceMappings: [{ ebs: { encrypted: true, volumeType: "gp3" } }],
    });
    expect(nodeClass.spec).not.toHaveProperty("role");
  });
});

describe("a NodePool", () => {
  const general = nodePool({ name: "general", nodeClassName: "default", azIds: AZ_IDS, config: pool() });
  const requirement = (key: string) => general.spec.template.spec.requirements.find((r) => r.key === key);

  it("is a valid karpenter.sh/v1 NodePool", () => {
    expect(general.toJSON()).toMatchObject({ apiVersion: "karpenter.sh/v1", kind: "NodePool", metadata: { name: "general" } });
    expect(() => validateModel(general, "NodePool general")).not.toThrow();
  });

  it("asks for the architectures of its types, those the org file declares included", () => {
    const graviton = nodePool({
      name: "arm",
      nodeClassName: "default",
      azIds: AZ_IDS,
      config: pool({ instanceFamilies: ["m8g", "m9g"], instanceSizes: ["large"] }),
    });
    const arch = (p: typeof graviton) => p.spec.template.spec.requirements.find((r) => r.key === "kubernetes.io/arch")?.values;
    expect(arch(graviton)).toEqual(["arm64"]);
    const declared = nodePool({
      name: "arm",
      nodeClassName: "default",
      azIds: AZ_IDS,
      config: pool({ instanceFamilies: ["m9g"], instanceSizes: ["large"] }),
      instanceTypes: instanceTypeTable({ "m9g.large": { enis: 3, ipv4PerEni: 10, architecture: "arm64" } }),
    });
    expect(arch(declared)).toEqual(["arm64"]);
  });

  it("places nodes by AZ ID (topology.k8s.aws/zone-id), in the configured zones only", () => {
    expect(requirement("topology.k8s.aws/zone-id")).toEqual({ key: "topology.k8s.aws/zone-id", operator: "In", values: AZ_IDS });
    expect(requirement("topology.kubernetes.io/zone")).toBeUndefined();
  });

  it("allows exactly the configured families × sizes, Spot and On-Demand, and the families' architecture", () => {
    expect(requirement("karpenter.k8s.aws/instance-family")!.values).toEqual(["m6i", "c6i"]);
    expect(requirement("karpenter.k8s.aws/instance-size")!.values).toEqual(["large", "xlarge"]);
    expect(requirement("karpenter.sh/capacity-type")!.values).toEqual(["spot", "on-demand"]);
    expect(requirement("kubernetes.io/arch")!.values).toEqual(["amd64"]);
  });

  it("consolidates, expires nodes, caps CPU and memory, and disrupts at most the configured share of nodes", () => {
    expect(general.spec.disruption).toEqual({ consolidationPolicy: "WhenEmptyOrUnderutilized", consolidateAfter: "1m", budgets: [{ nodes: "10%" }] });
    expect(general.spec.template.spec.expireAfter).toBe("720h");
    expect(general.spec.limits).toEqual({ cpu: "64", memory: "256Gi" });
    expect(general.spec.template.metadata!.labels).toEqual({ [NODE_POOL_LABEL]: "general" });
  });

  it("bounds a draining node's wait for its pods, since expiry is forced whatever budgets and do-not-disrupt say", () => {
    expect(general.spec.template.spec.terminationGracePeriod).toBe("24h");
    const patient = nodePool({ name: "general", nodeClassName: "default", azIds: AZ_IDS, config: pool({ terminationGracePeriod: "48h" }) });
    expect(patient.spec.template.spec.terminationGracePeriod).toBe("48h");
    expect(() => validateModel(patient, "NodePool general")).not.toThrow();
  });

  it("disrupts no node at all during a quiet window", () => {
    const prod = nodePool({
      name: "general",
      nodeClassName: "default",
      azIds: AZ_IDS,
      config: pool({ quietWindow: { schedule: "0 7 * * mon-fri", duration: "14h" } }),
    });
    expect(prod.spec.disruption!.budgets).toEqual([{ nodes: "10%" }, { nodes: "0", schedule: "0 7 * * mon-fri", duration: "14h" }]);
    expect(() => validateModel(prod, "NodePool general")).not.toThrow();
  });

  it("fails validation when the config would produce an object Karpenter rejects", () => {
    const broken = nodePool({ name: "general", nodeClassName: "default", azIds: AZ_IDS, config: { ...pool(), maxDisruptedPercent: 150 } });
    expect(() => validateModel(broken, "NodePool general")).toThrow(
      /NodePool general does not match its schema: \/spec\/disruption\/budgets\/0\/nodes must match pattern/,
    );
  });
});
