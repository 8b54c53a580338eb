import { instanceTypeTable } from "../../../planning/max-pods";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { NODE_MANAGED_POLICIES } from "../../../modules/eks/managed-policies";
import { amiTypeFor, SYSTEM_NODE_LABEL, SYSTEM_NODE_TAINT, SystemNodeGroup } from "../../../modules/eks/system-node-group";
import { resourcesOf } from "../../support/synth";
import { onlyResource, SUBNETS_BY_AZ_ID, synthWith, testCluster } from "./eks-fixture";

describe("SystemNodeGroup", () => {
  const json = synthWith((scope) => {
    const cluster = testCluster(scope);
    const nodeSecurityGroup = new SecurityGroup(scope, "nodes", { vpcId: "vpc-0shared" });
    new SystemNodeGroup(scope, "system", {
      cluster,
      subnetIds: Object.values(SUBNETS_BY_AZ_ID),
      nodeSecurityGroup,
      instanceTypes: ["m6i.large"],
      minSize: 2,
      maxSize: 3,
    });
  });
  const group = onlyResource(json, "aws_eks_node_group");

  it("is labelled and tainted so only system pods (Karpenter, EFS CSI controller) land on it", () => {
    expect(group.labels).toEqual({ [SYSTEM_NODE_LABEL.key]: SYSTEM_NODE_LABEL.value });
    expect(group.taint).toEqual([{ key: SYSTEM_NODE_TAINT.key, value: SYSTEM_NODE_TAINT.value, effect: "NO_SCHEDULE" }]);
  });

  it("runs On-Demand in every shared private subnet, at least two nodes", () => {
    expect(group).toMatchObject({
      capacity_type: "ON_DEMAND",
      subnet_ids: Object.values(SUBNETS_BY_AZ_ID),
      scaling_config: { min_size: 2, desired_size: 2, max_size: 3 },
    });
  });

  it("never opens SSH (no remote access) and launches with the node security group, IMDSv2 one hop, encrypted root", () => {
    expect(group).not.toHaveProperty("remote_access");
    expect(onlyResource(json, "aws_launch_template")).toMatchObject({
      vpc_security_group_ids: [expect.stringMatching(/aws_security_group\.nodes\.id/)],
      metadata_options: { http_tokens: "required", http_put_response_hop_limit: 1 },
      block_device_mappings: [{ ebs: { encrypted: "true", volume_type: "gp3" } }],
    });
  });

  it("runs as a node role with the four policies every node needs", () => {
    expect(
      resourcesOf(json, "aws_iam_role_policy_attachment")
        .map((a) => a.policy_arn)
        .filter((a) => !String(a).includes("EKSClusterPolicy"))
        .sort(),
    ).toEqual(NODE_MANAGED_POLICIES.map((p) => `arn:aws:iam::aws:policy/${p}`).sort());
  });

  it("follows the cluster's Kubernetes version, so a version bump rolls the nodes in place after the control plane", () => {
    expect(group.version).toMatch(/^\$\{aws_eks_cluster\.cluster_[0-9A-F]{8}\.version\}$/);
  });

  it("waits for its node role's policies, so they outlive the nodes on destroy", () => {
    const attachments = Object.keys(json.resource!.aws_iam_role_policy_attachment).filter((a) => a.startsWith("system_role_"));
    expect(attachments).toHaveLength(NODE_MANAGED_POLICIES.length);
    expect(group.depends_on).toEqual(expect.arrayContaining(attachments.map((a) => `aws_iam_role_policy_attachment.${a}`)));
  });

  it("takes the newest AMI release unless one is pinned, then exactly that one", () => {
    expect(group).not.toHaveProperty("release_version");
    const pinned = synthWith((scope) => {
      const cluster = testCluster(scope);
      const nodeSecurityGroup = new SecurityGroup(scope, "nodes", { vpcId: "vpc-0shared" });
      new SystemNodeGroup(scope, "system", {
        cluster,
        subnetIds: ["subnet-0aaa1111"],
        nodeSecurityGroup,
        instanceTypes: ["m6i.large"],
        minSize: 2,
        maxSize: 3,
        releaseVersion: "1.33.5-20251120",
      });
    });
    expect(onlyResource(pinned, "aws_eks_node_group").release_version).toBe("1.33.5-20251120");
  });

  it("picks the AL2023 AMI of the instance types' architecture", () => {
    expect(amiTypeFor(["m6i.large"])).toBe("AL2023_x86_64_STANDARD");
    expect(amiTypeFor(["m6g.large", "c6g.large"])).toBe("AL2023_ARM_64_STANDARD");
    expect(amiTypeFor(["m8g.large"])).toBe("AL2023_ARM_64_STANDARD");
  });

  it("looks up a type the org file declares (eniLimits) in the table it is given", () => {
    const table = instanceTypeTable({ "m9g.large": { enis: 3, ipv4PerEni: 10, architecture: "arm64" } });
    expect(amiTypeFor(["m9g.large"], table)).toBe("AL2023_ARM_64_STANDARD");
    expect(amiTypeFor(["m9g.large"])).toBe("AL2023_x86_64_STANDARD");
  });
});
