import { EFS_CSI_CONTROLLER_LABELS, efsCsiValues } from "../../../modules/eks/efs-csi-values";
import { spreadConstraints } from "../../../modules/eks/workload-availability";

describe("EFS CSI chart values", () => {
  const values = efsCsiValues({
    controllerRoleArn: "arn:aws:iam::555555555555:role/dev-us-east-1-efs-csi-controller",
    replicas: 2,
    topologySpreadConstraints: spreadConstraints(EFS_CSI_CONTROLLER_LABELS),
  });

  it("annotate efs-csi-controller-sa with the controller's IRSA role", () => {
    expect(values.controller.serviceAccount).toEqual({
      create: true,
      name: "efs-csi-controller-sa",
      annotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::555555555555:role/dev-us-east-1-efs-csi-controller" },
    });
  });

  it("run 2 controller replicas on the system nodes, spread over nodes and zones", () => {
    expect(values.controller.replicaCount).toBe(2);
    expect(values.controller.nodeSelector).toEqual({ "orgplat.io/node-group": "system" });
    expect(values.controller.tolerations).toContainEqual({ key: "CriticalAddonsOnly", operator: "Exists", effect: "NoSchedule" });
    expect(values.controller.topologySpreadConstraints.map((c) => c.topologyKey)).toEqual(["kubernetes.io/hostname", "topology.kubernetes.io/zone"]);
  });

  it("leave the budget and the StorageClass to the platform's validated objects", () => {
    expect(values.controller.podDisruptionBudget).toEqual({ enabled: false });
    expect(values.storageClasses).toEqual([]);
  });
});
