import { PLATFORM_CHARTS } from "../../modules/eks/charts";
import { KARPENTER_CRDS_ADDRESS } from "../../modules/eks/karpenter-crds";
import { buildTestOrg, exampleOrgModel, findStack, resourcesOf, synthStack, type StackJson } from "../support/synth";

const fromClusterState = (output: string) => `\${data.terraform_remote_state.state-of-dev-us-east-1-eks-cluster.outputs.${output}}`;

/** Manifests of a synthesized add-ons stack, by kind. */
function manifestsOf(json: StackJson, kind: string): Record<string, any>[] {
  return resourcesOf(json, "kubernetes_manifest")
    .map((m) => m.manifest as Record<string, any>)
    .filter((m) => m.kind === kind);
}

/** A Helm release's values, parsed back from the JSON the stack hands to Helm. */
function releaseValues(json: StackJson, chart: string): Record<string, any> {
  const release = resourcesOf(json, "helm_release").find((r) => r.chart === chart)!;
  return JSON.parse((release.values as string[])[0]) as Record<string, any>;
}

describe("the EKS add-ons stacks", () => {
  const org = exampleOrgModel();
  const stacks = buildTestOrg(org);
  const stack = findStack(stacks.eksAddons, "dev-us-east-1-eks-addons");
  const { json } = synthStack(stack);

  it("exist once per cluster stack, in the cluster's account and region, applied after it and its CRD stack", () => {
    expect(stacks.eksAddons.map((s) => s.node.id).sort()).toEqual(["dev-us-east-1-eks-addons", "prod-eu-west-1-eks-addons", "prod-us-east-1-eks-addons"]);
    expect(json.provider?.aws[0]).toMatchObject({ region: "us-east-1", allowed_account_ids: ["555555555555"] });
    expect(stack.dependencies.map((d) => d.node.id).sort()).toEqual(["dev-us-east-1-eks-cluster", "dev-us-east-1-eks-crds"]);
  });

  it("require the Helm and Kubernetes providers (absent from the mirror, so only synthesized here)", () => {
    expect(Object.keys(json.terraform!.required_providers as object).sort()).toEqual(["aws", "helm", "kubernetes"]);
  });

  it("configure Helm and Kubernetes from the cluster stack's state and a token fetched whenever needed, never a 15-minute one read at plan", () => {
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
        "arn:aws:iam::555555555555:role/orgplat-plan",
        "--output",
        "json",
      ],
    };
    const endpoint = {
      host: fromClusterState("cluster_endpoint"),
      cluster_ca_certificate: `\${base64decode(${fromClusterState("cluster_certificate_authority").slice(2, -1)})}`,
    };
    expect(json.provider!.kubernetes[0]).toEqual({ ...endpoint, exec: [exec] });
    expect(json.provider!.helm[0]).toEqual({ kubernetes: { ...endpoint, exec } });
    expect(json.data?.aws_eks_cluster_auth).toBeUndefined();
  });

  it("install every chart pinned in modules/eks/charts.ts but the CRDs (their own stack), at its version", () => {
    const releases = resourcesOf(json, "helm_release").map((r) => ({
      repository: r.repository as string,
      chart: r.chart as string,
      version: r.version as string,
    }));
    const { karpenterCrd, ...installedHere } = PLATFORM_CHARTS;
    const byChart = (a: { chart: string }, b: { chart: string }) => a.chart.localeCompare(b.chart);
    expect(releases.sort(byChart)).toEqual(
      Object.values(installedHere)
        .map((c) => ({ ...c }))
        .sort(byChart),
    );
    expect(releases.map((r) => r.chart)).not.toContain(karpenterCrd.chart);
  });

  it("install the Karpenter controller without CRDs and forget the CRD release it once held without uninstalling it", () => {
    const controller = resourcesOf(json, "helm_release").find((r) => r.chart === "karpenter")!;
    expect(controller).toMatchObject({ skip_crds: true, namespace: "kube-system" });
    expect((json as { removed?: unknown }).removed).toEqual([{ from: KARPENTER_CRDS_ADDRESS, lifecycle: { destroy: false } }]);
  });

  it("hand Karpenter its cluster, queue and role from the cluster stack, with 2 spread replicas", () => {
    const values = releaseValues(json, "karpenter");
    expect(values.settings).toEqual({ clusterName: "dev-us-east-1", interruptionQueue: fromClusterState("karpenter_interruption_queue") });
    expect(values.serviceAccount.annotations).toEqual({ "eks.amazonaws.com/role-arn": fromClusterState("karpenter_controller_role_arn") });
    expect(values.replicas).toBe(2);
    expect(values.topologySpreadConstraints.map((c: { topologyKey: string }) => c.topologyKey)).toEqual([
      "kubernetes.io/hostname",
      "topology.kubernetes.io/zone",
    ]);
  });

  it("annotate the EFS CSI controller's service account with its role from the cluster stack", () => {
    expect(releaseValues(json, "aws-efs-csi-driver").controller.serviceAccount).toEqual({
      create: true,
      name: "efs-csi-controller-sa",
      annotations: { "eks.amazonaws.com/role-arn": fromClusterState("efs_csi_role_arn") },
    });
  });

  it("select Karpenter's subnets and security group by id from the cluster stack's state", () => {
    const [nodeClass] = manifestsOf(json, "EC2NodeClass");
    expect(nodeClass.spec.subnetSelectorTerms).toEqual(
      org.regions["us-east-1"].azIds.map((azId) => ({
        id: `\${data.terraform_remote_state.state-of-dev-us-east-1-eks-cluster.outputs.subnet_ids["${azId}"]}`,
      })),
    );
    expect(nodeClass.spec.securityGroupSelectorTerms).toEqual([{ id: fromClusterState("node_security_group_id") }]);
    expect(nodeClass.spec.instanceProfile).toBe(fromClusterState("karpenter_node_instance_profile"));
  });

  it("create one NodePool per configured pool, placed by AZ ID, after the Karpenter controller", () => {
    const pools = resourcesOf(json, "kubernetes_manifest").filter((m) => (m.manifest as { kind: string }).kind === "NodePool");
    expect(pools.map((p) => (p.manifest as { metadata: { name: string } }).metadata.name)).toEqual(Object.keys(org.environments[0].eks!.nodePools));
    const requirements = (pools[0].manifest as any).spec.template.spec.requirements as { key: string; values: string[] }[];
    expect(requirements.find((r) => r.key === "topology.k8s.aws/zone-id")!.values).toEqual([...org.regions["us-east-1"].azIds]);
    expect(pools[0].depends_on).toEqual([expect.stringMatching(/^helm_release\.karpenter_controller_/)]);
    expect((pools[0].manifest as any).spec.template.spec.terminationGracePeriod).toBe("24h");
  });

  it("keep prod's NodePools still during the configured business window", () => {
    const prod = synthStack(findStack(stacks.eksAddons, "prod-us-east-1-eks-addons")).json;
    expect(manifestsOf(prod, "NodePool")[0].spec.disruption.budgets).toEqual([{ nodes: "10%" }, { nodes: "0", schedule: "0 7 * * mon-fri", duration: "14h" }]);
  });

  it("create the efs-sc StorageClass on the cluster's file system and a budget for the EFS CSI controller", () => {
    expect(manifestsOf(json, "StorageClass")).toEqual([
      expect.objectContaining({
        metadata: { name: "efs-sc" },
        provisioner: "efs.csi.aws.com",
        parameters: expect.objectContaining({ fileSystemId: fromClusterState("efs_file_system_id") }),
      }),
    ]);
    expect(manifestsOf(json, "PodDisruptionBudget")).toEqual([
      expect.objectContaining({ metadata: { name: "efs-csi-controller", namespace: "kube-system" }, spec: expect.objectContaining({ maxUnavailable: 1 }) }),
    ]);
  });
});
