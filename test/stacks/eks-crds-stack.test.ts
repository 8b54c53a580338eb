import { PLATFORM_CHARTS } from "../../modules/eks/charts";
import { KARPENTER_CRDS_ADDRESS } from "../../modules/eks/karpenter-crds";
import { buildTestOrg, exampleOrgModel, findStack, resourcesOf, synthStack } from "../support/synth";

describe("the EKS CRD stacks", () => {
  const org = exampleOrgModel();
  const stacks = buildTestOrg(org);
  const stack = findStack(stacks.eksCrds, "dev-us-east-1-eks-crds");
  const { json } = synthStack(stack);

  it("exist once per cluster, in its account and region, after the cluster stack and before the add-ons stack", () => {
    expect(stacks.eksCrds.map((s) => s.node.id).sort()).toEqual(["dev-us-east-1-eks-crds", "prod-eu-west-1-eks-crds", "prod-us-east-1-eks-crds"]);
    expect(json.provider?.aws[0]).toMatchObject({ region: "us-east-1", allowed_account_ids: ["555555555555"] });
    expect(stack.dependencies.map((d) => d.node.id)).toEqual(["dev-us-east-1-eks-cluster"]);
    expect(findStack(stacks.eksAddons, "dev-us-east-1-eks-addons").dependencies).toContain(stack);
  });

  it("install Karpenter's CRD chart alone (besides the plan readers' RBAC), at the address the add-ons stack held it under", () => {
    const releases = resourcesOf(json, "helm_release");
    expect(releases).toEqual([expect.objectContaining({ ...PLATFORM_CHARTS.karpenterCrd, name: "karpenter-crd", namespace: "kube-system", atomic: true })]);
    expect(Object.keys(json.resource!.helm_release)).toEqual([KARPENTER_CRDS_ADDRESS.split(".")[1]]);
    expect(
      resourcesOf(json, "kubernetes_manifest")
        .map((m) => (m.manifest as { kind: string }).kind)
        .filter((kind) => !kind.includes("Role")),
    ).toEqual([]);
  });

  it("let the plan readers' group read Helm's release Secrets in kube-system, where every release of the product lives, and nowhere else", () => {
    const rbac = resourcesOf(json, "kubernetes_manifest").map(
      (m) => m.manifest as { kind: string; metadata: { namespace?: string }; rules?: { resources: string[] }[] },
    );
    const secretReaders = rbac.filter((o) => o.rules?.some((r) => r.resources.includes("secrets")));
    expect(secretReaders.map((o) => [o.kind, o.metadata.namespace])).toEqual([["Role", "kube-system"]]);
    expect(rbac.map((o) => o.kind).sort()).toEqual(["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"]);
  });

  it("reach the cluster like the add-ons stack: endpoint from the cluster stack's state, exec-based token", () => {
    expect(json.provider!.helm[0].kubernetes).toMatchObject({
      host: "${data.terraform_remote_state.state-of-dev-us-east-1-eks-cluster.outputs.cluster_endpoint}",
      exec: { command: "aws", args: expect.arrayContaining(["get-token", "dev-us-east-1"]) },
    });
  });
});
