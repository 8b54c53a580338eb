import { ManagedAddon } from "../../../modules/eks/managed-addon";
import { NodeNetworkingAddons, VPC_CNI_SERVICE_ACCOUNT } from "../../../modules/eks/node-networking-addons";
import { resourcesOf } from "../../support/synth";
import { onlyResource, statementsOf, synthWith, testCluster } from "./eks-fixture";

describe("ManagedAddon", () => {
  const json = synthWith((scope) => new ManagedAddon(scope, "coredns", { cluster: testCluster(scope), addonName: "coredns", kubernetesVersion: "1.35" }));
  const addon = onlyResource(json, "aws_eks_addon");

  it("runs EKS's default add-on version for the configured Kubernetes version, known at plan (not the newest, not the cluster's creation-time one)", () => {
    expect(Object.values(json.data!.aws_eks_addon_version)).toEqual([{ addon_name: "coredns", kubernetes_version: "1.35", most_recent: false }]);
    expect(addon).toMatchObject({ addon_name: "coredns", cluster_name: expect.stringMatching(/^\$\{aws_eks_cluster\.cluster_[0-9A-F]{8}\.name\}$/) });
    expect(addon.addon_version).toMatch(/^\$\{data\.aws_eks_addon_version\.coredns_version_[0-9A-F]{8}\.version\}$/);
  });

  it("takes over an unmanaged copy on create and overwrites hand edits on update", () => {
    expect(addon).toMatchObject({ resolve_conflicts_on_create: "OVERWRITE", resolve_conflicts_on_update: "OVERWRITE" });
    expect(addon).not.toHaveProperty("service_account_role_arn");
  });
});

describe("NodeNetworkingAddons", () => {
  const json = synthWith((scope) => new NodeNetworkingAddons(scope, "addons", { cluster: testCluster(scope), kubernetesVersion: "1.35" }));

  it("installs the VPC CNI, kube-proxy and the Pod Identity agent (what a node needs to turn Ready), not CoreDNS", () => {
    expect(
      resourcesOf(json, "aws_eks_addon")
        .map((a) => a.addon_name)
        .sort(),
    ).toEqual(["eks-pod-identity-agent", "kube-proxy", "vpc-cni"]);
  });

  it("gives the VPC CNI its own role with the CNI policy, trusted by kube-system:aws-node alone", () => {
    const vpcCni = resourcesOf(json, "aws_eks_addon").find((a) => a.addon_name === "vpc-cni")!;
    expect(vpcCni.service_account_role_arn).toMatch(/^\$\{aws_iam_role\.addons_vpc-cni-role_[0-9A-F]{8}\.arn\}$/);
    const attachments = Object.entries(json.resource!.aws_iam_role_policy_attachment).filter(([name]) => name.startsWith("addons_vpc-cni-role_"));
    expect(attachments.map(([, a]) => a.policy_arn)).toEqual(["arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy"]);
    const [trust] = statementsOf(json, "vpc-cni-role") as { condition: { variable: string; values: string[] }[] }[];
    expect(trust.condition[0]).toMatchObject({
      variable: expect.stringMatching(/:sub$/),
      values: [`system:serviceaccount:kube-system:${VPC_CNI_SERVICE_ACCOUNT}`],
    });
  });
});
