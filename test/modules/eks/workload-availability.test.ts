import { WorkloadAvailability } from "../../../modules/eks/workload-availability";
import { resourcesOf } from "../../support/synth";
import { synthWith } from "./eks-fixture";

const selector = { app: "web" };

describe("WorkloadAvailability", () => {
  it("gives a workload two replicas spread over nodes and zones, each constraint selecting its own pods", () => {
    let availability!: WorkloadAvailability;
    synthWith((scope) => (availability = new WorkloadAvailability(scope, "web", { name: "web", namespace: "shop", selector })));
    expect(availability.replicas).toBe(2);
    expect(availability.topologySpreadConstraints).toEqual([
      { maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: selector } },
      { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: selector } },
    ]);
  });

  it("applies a policy/v1 PodDisruptionBudget that lets a drain evict one pod at a time", () => {
    const json = synthWith((scope) => new WorkloadAvailability(scope, "web", { name: "web", namespace: "shop", selector }));
    expect(resourcesOf(json, "kubernetes_manifest").map((m) => m.manifest)).toEqual([
      {
        apiVersion: "policy/v1",
        kind: "PodDisruptionBudget",
        metadata: { name: "web", namespace: "shop" },
        spec: { maxUnavailable: 1, selector: { matchLabels: selector } },
      },
    ]);
  });

  it("applies no budget of its own for a chart that always renders one (two budgets block every eviction)", () => {
    const json = synthWith(
      (scope) => new WorkloadAvailability(scope, "karpenter", { name: "karpenter", namespace: "kube-system", selector, podDisruptionBudget: "chart" }),
    );
    expect(resourcesOf(json, "kubernetes_manifest")).toEqual([]);
  });

  it("refuses a single replica and a budget that blocks or allows everything", () => {
    expect(() => synthWith((s) => new WorkloadAvailability(s, "w", { name: "w", namespace: "n", selector, replicas: 1 }))).toThrow(
      "n/w: replicas is 1; run at least 2 so a drained node never takes the workload down",
    );
    expect(() => synthWith((s) => new WorkloadAvailability(s, "w", { name: "w", namespace: "n", selector, maxUnavailable: 2 }))).toThrow(
      /maxUnavailable 2 must be between 1 and replicas - 1 \(1\)/,
    );
  });
});
