import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { Testing } from "cdktf";
import {
  MANAGED_CUSTOM_RESOURCES,
  PLAN_READER_GROUP,
  PLAN_READER_RBAC_NAME,
  PlanReaderRbac,
  planReaderRbacObjects,
  READ_VERBS,
} from "../../../modules/eks/plan-reader-rbac";
import { validateModel } from "../../../modules/kubernetes/schema-validation";
import { resourcesOf, type StackJson } from "../../support/synth";

type Rbac = {
  kind: string;
  metadata: { name: string; namespace?: string };
  rules?: { apiGroups: string[]; resources: string[]; verbs: string[] }[];
  roleRef?: { kind: string; name: string };
  subjects?: { kind: string; name: string }[];
};

describe("the plan readers' RBAC", () => {
  const objects = planReaderRbacObjects({ releaseNamespaces: ["kube-system", "kube-system", "monitoring"] });
  const json = objects.map((o) => o.toJSON() as unknown as Rbac);
  const byKind = (kind: string): Rbac[] => json.filter((o) => o.kind === kind);

  it("is schema-valid rbac.authorization.k8s.io/v1", () => {
    for (const object of objects) expect(() => validateModel(object, "plan reader RBAC")).not.toThrow();
    expect(json.map((o) => `${o.kind} ${o.metadata.namespace ?? ""}/${o.metadata.name}`)).toEqual([
      `Role kube-system/${PLAN_READER_RBAC_NAME}`,
      `RoleBinding kube-system/${PLAN_READER_RBAC_NAME}`,
      `Role monitoring/${PLAN_READER_RBAC_NAME}`,
      `RoleBinding monitoring/${PLAN_READER_RBAC_NAME}`,
      `ClusterRole /${PLAN_READER_RBAC_NAME}`,
      `ClusterRoleBinding /${PLAN_READER_RBAC_NAME}`,
    ]);
  });

  it("reads Secrets (Helm's release records) only in each release namespace, with get/list/watch and nothing else", () => {
    for (const role of byKind("Role")) expect(role.rules).toEqual([{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list", "watch"] }]);
    // Cluster-wide, no Secrets and no built-in kind: AmazonEKSViewPolicy covers those.
    const [clusterRole] = byKind("ClusterRole");
    expect(clusterRole.rules!.flatMap((r) => r.resources)).toEqual(["nodepools", "ec2nodeclasses"]);
    expect(clusterRole.rules!.flatMap((r) => r.apiGroups)).toEqual(MANAGED_CUSTOM_RESOURCES.map((r) => r.apiGroup));
    for (const rule of [...byKind("Role"), clusterRole].flatMap((r) => r.rules!)) {
      expect(rule.verbs).toEqual([...READ_VERBS]);
      expect([...rule.apiGroups, ...rule.resources, ...rule.verbs]).not.toContain("*");
      expect(rule).not.toHaveProperty("resourceNames");
    }
  });

  it("binds the plan readers' group, and only it, to each role of the same name", () => {
    for (const binding of [...byKind("RoleBinding"), ...byKind("ClusterRoleBinding")]) {
      expect(binding.subjects).toEqual([{ kind: "Group", apiGroup: "rbac.authorization.k8s.io", name: PLAN_READER_GROUP }]);
      expect(binding.roleRef).toEqual({ apiGroup: "rbac.authorization.k8s.io", kind: binding.kind.replace("Binding", ""), name: PLAN_READER_RBAC_NAME });
    }
  });

  it("applies each object as a kubernetes_manifest with the given provider", () => {
    const stack = JSON.parse(
      Testing.synthScope((scope) => {
        const kubernetes = new KubernetesProvider(scope, "kubernetes", {});
        new PlanReaderRbac(scope, "plan-readers", { kubernetes, releaseNamespaces: ["kube-system"] });
      }),
    ) as StackJson;
    const manifests = resourcesOf(stack, "kubernetes_manifest");
    expect(manifests.map((m) => (m.manifest as Rbac).kind).sort()).toEqual(["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"]);
    for (const m of manifests) expect(m.provider).toBe("kubernetes");
  });
});
