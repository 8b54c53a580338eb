import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { ClusterAccess } from "../../../modules/eks/cluster-access";
import { resourcesOf } from "../../support/synth";
import { synthWith, testCluster } from "./eks-fixture";

describe("ClusterAccess", () => {
  const json = synthWith((scope) => {
    const cluster = testCluster(scope);
    const nodeRole = new IamRole(scope, "node-role", { name: "karpenter-node", assumeRolePolicy: "{}" });
    new ClusterAccess(scope, "access", {
      cluster,
      administrators: { "platform-admin": "arn:aws:iam::555555555555:role/platform-admin" },
      nodeRoles: { "karpenter-nodes": nodeRole },
    });
  });
  const entries = resourcesOf(json, "aws_eks_access_entry");

  it("gives each administrator a STANDARD entry with the cluster-admin policy on the whole cluster", () => {
    expect(entries).toContainEqual(expect.objectContaining({ principal_arn: "arn:aws:iam::555555555555:role/platform-admin", type: "STANDARD" }));
    expect(resourcesOf(json, "aws_eks_access_policy_association")).toEqual([
      expect.objectContaining({ policy_arn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", access_scope: { type: "cluster" } }),
    ]);
  });

  it("lets Karpenter's node role join as EC2_LINUX, with no policy association", () => {
    expect(entries).toContainEqual(expect.objectContaining({ principal_arn: "${aws_iam_role.node-role.arn}", type: "EC2_LINUX" }));
    expect(entries).toHaveLength(2);
  });

  describe("with a reader", () => {
    const planRole = "arn:aws:iam::555555555555:role/orgplat-plan";
    const withReader = synthWith((scope) => {
      const cluster = testCluster(scope);
      new ClusterAccess(scope, "access", {
        cluster,
        administrators: {},
        nodeRoles: {},
        readers: { planner: { principalArn: planRole, kubernetesGroups: ["orgplat:plan-readers"] } },
      });
    });

    it("gives it a STANDARD entry in its Kubernetes groups and the view policy on the whole cluster, never an admin policy", () => {
      expect(resourcesOf(withReader, "aws_eks_access_entry")).toEqual([
        expect.objectContaining({ principal_arn: planRole, type: "STANDARD", kubernetes_groups: ["orgplat:plan-readers"] }),
      ]);
      expect(resourcesOf(withReader, "aws_eks_access_policy_association")).toEqual([
        expect.objectContaining({
          principal_arn: expect.stringMatching(/^\$\{aws_eks_access_entry\.access_planner_\w+\.principal_arn\}$/),
          policy_arn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy",
          access_scope: { type: "cluster" },
        }),
      ]);
    });
  });
});
