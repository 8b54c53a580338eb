import { IrsaRole } from "../../../modules/eks/irsa-role";
import { statementsOf, synthWith, testCluster } from "./eks-fixture";

describe("IrsaRole", () => {
  const json = synthWith((scope) => {
    const cluster = testCluster(scope);
    new IrsaRole(scope, "efs", {
      name: "r",
      cluster,
      namespace: "kube-system",
      serviceAccount: "efs-csi-controller-sa",
      managedPolicies: ["service-role/AmazonEFSCSIDriverPolicy"],
    });
  });
  const [trust] = statementsOf(json, "efs_trust") as {
    actions: string[];
    principals: { type: string; identifiers: string[] }[];
    condition: { test: string; variable: string; values: string[] }[];
  }[];

  it("is assumable with a web identity token from the cluster's OIDC provider only", () => {
    expect(trust.actions).toEqual(["sts:AssumeRoleWithWebIdentity"]);
    expect(trust.principals).toEqual([
      { type: "Federated", identifiers: [expect.stringMatching(/^\$\{aws_iam_openid_connect_provider\.cluster_oidc_[0-9A-F]{8}\.arn\}$/)] },
    ]);
  });

  it("pins sub to exactly one service account and aud to STS, both with StringEquals", () => {
    expect(trust.condition).toEqual([
      {
        test: "StringEquals",
        variable: expect.stringMatching(/issuer, "https:\/\/", ""\)\}:sub$/),
        values: ["system:serviceaccount:kube-system:efs-csi-controller-sa"],
      },
      { test: "StringEquals", variable: expect.stringMatching(/issuer, "https:\/\/", ""\)\}:aud$/), values: ["sts.amazonaws.com"] },
    ]);
  });

  it("attaches the managed policies it is given by name", () => {
    const attachments = Object.entries(json.resource!.aws_iam_role_policy_attachment).filter(([name]) => name.startsWith("efs_"));
    expect(attachments.map(([, a]) => a.policy_arn)).toEqual(["arn:aws:iam::aws:policy/service-role/AmazonEFSCSIDriverPolicy"]);
  });
});
