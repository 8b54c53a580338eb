import { models } from "../../../modules/kubernetes/models";

describe("Kubernetes models loaded from their ES-only packages", () => {
  it("validates a PodDisruptionBudget against the policy/v1 schema and fills in apiVersion and kind", () => {
    const PodDisruptionBudget = models.PodDisruptionBudget();
    const pdb = new PodDisruptionBudget({ metadata: { name: "x" }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: "x" } } } });
    expect(() => pdb.validate()).not.toThrow();
    expect(pdb.toJSON()).toMatchObject({ apiVersion: "policy/v1", kind: "PodDisruptionBudget" });
  });

  it("rejects an object the schema forbids, naming the field", () => {
    const NodePool = models.NodePool();
    const pool = new NodePool({
      spec: {
        template: {
          spec: {
            nodeClassRef: { group: "karpenter.k8s.aws", kind: "EC2NodeClass", name: "default" },
            requirements: [{ key: "a", operator: "Bogus" as "In", values: ["b"] }],
          },
        },
      },
    });
    expect(() => pool.validate()).toThrow(/data\/spec\/template\/spec\/requirements\/0\/operator must be equal to one of the allowed values/);
  });

  it("loads each kind the platform builds", () => {
    for (const load of Object.values(models)) expect(typeof load()).toBe("function");
    expect(Object.keys(models).sort()).toEqual([
      "Affinity",
      "ClusterRole",
      "ClusterRoleBinding",
      "EC2NodeClass",
      "NodePool",
      "PodDisruptionBudget",
      "Role",
      "RoleBinding",
      "StorageClass",
      "Toleration",
      "TopologySpreadConstraint",
    ]);
  });
});
