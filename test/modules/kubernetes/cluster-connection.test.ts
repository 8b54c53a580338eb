import { Testing } from "cdktf";
import { ClusterConnection } from "../../../modules/kubernetes/cluster-connection";
import type { StackJson } from "../../support/synth";

describe("ClusterConnection", () => {
  const json = JSON.parse(
    Testing.synthScope(
      (scope) =>
        new ClusterConnection(scope, "cluster", {
          clusterName: "dev-us-east-1",
          region: "us-east-1",
          endpoint: "https://ABC.gr7.us-east-1.eks.amazonaws.com",
          certificateAuthority: "Q0E=",
          roleArn: "arn:aws:iam::555555555555:role/deployer",
        }),
    ),
  ) as StackJson;
  const exec = {
    api_version: "client.authentication.k8s.io/v1beta1",
    command: "aws",
    args: [
      "eks",
      "get-token",
      "--cluster-name",
      "dev-us-east-1",
      "--region",
      "us-east-1",
      "--role-arn",
      "arn:aws:iam::555555555555:role/deployer",
      "--output",
      "json",
    ],
  };

  it("gets a token from aws eks get-token, as the deployer role, whenever a provider needs one", () => {
    expect(json.provider!.kubernetes[0]).toMatchObject({ host: "https://ABC.gr7.us-east-1.eks.amazonaws.com", exec: [exec] });
    expect(json.provider!.helm[0]).toMatchObject({ kubernetes: { host: "https://ABC.gr7.us-east-1.eks.amazonaws.com", exec } });
  });

  it("never reads a token at plan (aws_eks_cluster_auth expires after 15 minutes)", () => {
    expect(json.data?.aws_eks_cluster_auth).toBeUndefined();
    expect(json.provider!.kubernetes[0]).not.toHaveProperty("token");
    expect(json.provider!.helm[0].kubernetes).not.toHaveProperty("token");
  });
});
