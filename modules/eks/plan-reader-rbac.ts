import type { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { Construct } from "constructs";
import { models, type KubernetesModel } from "../kubernetes/models";
import { ValidatedManifest } from "../kubernetes/validated-manifest";

/**
 * The Kubernetes group of the plan role's access entry (`kubernetes_groups`). EKS reserves
 * `system:`, `eks:`, `amazon:` and `aws:` prefixes, so the group carries the product's own.
 */
export const PLAN_READER_GROUP = "orgplat:plan-readers";

/** Name of every Role, RoleBinding, ClusterRole and ClusterRoleBinding below. */
export const PLAN_READER_RBAC_NAME = "orgplat-plan-reader";

/** Verbs of a read, and nothing more. */
export const READ_VERBS = ["get", "list", "watch"] as const;

/**
 * Custom resources the add-ons stacks manage with `kubernetes_manifest`, which reads them on
 * every plan. AmazonEKSViewPolicy (like Kubernetes' `view` role) covers built-in kinds only.
 */
export const MANAGED_CUSTOM_RESOURCES: readonly { readonly apiGroup: string; readonly resources: readonly string[] }[] = [
  { apiGroup: "karpenter.sh", resources: ["nodepools"] },
  { apiGroup: "karpenter.k8s.aws", resources: ["ec2nodeclasses"] },
];

export interface PlanReaderRbacInput {
  /** Namespaces the product installs Helm releases into, e.g. ["kube-system"]. */
  readonly releaseNamespaces: readonly string[];
  /** The group to bind. @default PLAN_READER_GROUP */
  readonly group?: string;
}

/**
 * The objects that let the plan role plan Helm releases and `kubernetes_manifest`s on top of
 * AmazonEKSViewPolicy: Helm keeps each release in Secrets (type helm.sh/release.v1) of the
 * release's namespace and lists them by label, which the view policy never grants; so a Role per
 * release namespace reads Secrets there, and a ClusterRole reads the managed custom resources.
 * Secrets of any other namespace stay unreadable.
 */
export function planReaderRbacObjects(input: PlanReaderRbacInput): KubernetesModel[] {
  const group = input.group ?? PLAN_READER_GROUP;
  const subjects = [{ kind: "Group", apiGroup: "rbac.authorization.k8s.io", name: group }];
  const { Role, RoleBinding, ClusterRole, ClusterRoleBinding } = {
    Role: models.Role(),
    RoleBinding: models.RoleBinding(),
    ClusterRole: models.ClusterRole(),
    ClusterRoleBinding: models.ClusterRoleBinding(),
  };
  const namespaced = [...new Set(input.releaseNamespaces)].sort().flatMap((namespace): KubernetesModel[] => [
    new Role({ metadata: { name: PLAN_READER_RBAC_NAME, namespace }, rules: [{ apiGroups: [""], resources: ["secrets"], verbs: [...READ_VERBS] }] }),
    new RoleBinding({
      metadata: { name: PLAN_READER_RBAC_NAME, namespace },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: PLAN_READER_RBAC_NAME },
      subjects,
    }),
  ]);
  return [
    ...namespaced,
    new ClusterRole({
      metadata: { name: PLAN_READER_RBAC_NAME },
      rules: MANAGED_CUSTOM_RESOURCES.map(({ apiGroup, resources }) => ({ apiGroups: [apiGroup], resources: [...resources], verbs: [...READ_VERBS] })),
    }),
    new ClusterRoleBinding({
      metadata: { name: PLAN_READER_RBAC_NAME },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: PLAN_READER_RBAC_NAME },
      subjects,
    }),
  ];
}

export interface PlanReaderRbacProps extends PlanReaderRbacInput {
  readonly kubernetes: KubernetesProvider;
}

/** The plan readers' RBAC (planReaderRbacObjects), applied as schema-validated manifests. */
export class PlanReaderRbac extends Construct {
  public readonly manifests: readonly ValidatedManifest[];

  constructor(scope: Construct, id: string, props: PlanReaderRbacProps) {
    super(scope, id);
    this.manifests = planReaderRbacObjects(props).map((object) => {
      const { kind, metadata } = object.toJSON() as { kind: string; metadata: { name: string; namespace?: string } };
      return new ValidatedManifest(this, [kind, metadata.namespace].filter(Boolean).join("-").toLowerCase(), { object, provider: props.kubernetes });
    });
  }
}
