import { KARPENTER_POD_LABELS, karpenterValues } from "../../../modules/eks/karpenter-values";
import { spreadConstraints } from "../../../modules/eks/workload-availability";

describe("Karpenter chart values", () => {
  const values = karpenterValues({
    clusterName: "dev-us-east-1",
    interruptionQueue: "dev-us-east-1-karpenter",
    controllerRoleArn: "arn:aws:iam::555555555555:role/dev-us-east-1-karpenter-controller",
    replicas: 2,
    maxUnavailable: 1,
    topologySpreadConstraints: spreadConstraints(KARPENTER_POD_LABELS),
  });

  it("name the cluster and the interruption queue", () => {
    expect(values.settings).toEqual({ clusterName: "dev-us-east-1", interruptionQueue: "dev-us-east-1-karpenter" });
  });

  it("annotate the karpenter service account with the controller's IRSA role", () => {
    expect(values.serviceAccount).toEqual({
      name: "karpenter",
      annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::555555555555:role/dev-us-east-1-karpenter-controller" },
    });
  });

  it("run 2 replicas spread over nodes and zones, with the chart's budget set to one pod at a time", () => {
    expect(values.replicas).toBe(2);
    expect(values.podDisruptionBudget).toEqual({ name: "karpenter", maxUnavailable: 1 });
    expect(values.topologySpreadConstraints.map((c) => [c.topologyKey, c.whenUnsatisfiable, c.labelSelector])).toEqual([
      ["kubernetes.io/hostname", "DoNotSchedule", { matchLabels: KARPENTER_POD_LABELS }],
      ["topology.kubernetes.io/zone", "DoNotSchedule", { matchLabels: KARPENTER_POD_LABELS }],
    ]);
  });

  it("schedule the controller on the system node group, never on a node a NodePool made", () => {
    expect(values.nodeSelector).toEqual({ "kubernetes.io/os": "linux", "orgplat.io/node-group": "system" });
    expect(values.tolerations).toEqual([{ key: "CriticalAddonsOnly", operator: "Exists", effect: "NoSchedule" }]);
    expect(values.affinity.nodeAffinity!.requiredDuringSchedulingIgnoredDuringExecution!.nodeSelectorTerms).toEqual([
      { matchExpressions: [{ key: "karpenter.sh/nodepool", operator: "DoesNotExist" }] },
    ]);
  });
});
