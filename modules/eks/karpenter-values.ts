import { models, type IAffinity, type IToleration, type ITopologySpreadConstraint } from "../kubernetes/models";
import { validateModel } from "../kubernetes/schema-validation";
import { KARPENTER_SERVICE_ACCOUNT } from "./karpenter-aws";
import { SYSTEM_NODE_LABEL, SYSTEM_NODE_TAINT } from "./system-node-group";

/** Release name; the chart's pod selector labels derive from it. */
export const KARPENTER_RELEASE = "karpenter";

/** Labels the Karpenter chart puts on (and selects) its controller pods. */
export const KARPENTER_POD_LABELS = { "app.kubernetes.io/name": "karpenter", "app.kubernetes.io/instance": KARPENTER_RELEASE } as const;

export interface KarpenterValuesProps {
  readonly clusterName: string;
  /** Name of the interruption SQS queue. */
  readonly interruptionQueue: string;
  /** IRSA role of the controller's service account. */
  readonly controllerRoleArn: string;
  readonly replicas: number;
  readonly maxUnavailable: number;
  readonly topologySpreadConstraints: readonly ITopologySpreadConstraint[];
}

/** The values of the Karpenter chart the platform sets (everything else keeps the chart's default). */
export interface KarpenterValues {
  readonly settings: { readonly clusterName: string; readonly interruptionQueue: string };
  readonly serviceAccount: { readonly name: string; readonly annotations: Readonly<Record<string, string>> };
  readonly replicas: number;
  readonly podDisruptionBudget: { readonly name: string; readonly maxUnavailable: number };
  readonly topologySpreadConstraints: readonly ITopologySpreadConstraint[];
  readonly nodeSelector: Readonly<Record<string, string>>;
  readonly affinity: IAffinity;
  readonly tolerations: readonly IToleration[];
  readonly controller: { readonly resources: { readonly requests: Readonly<Record<string, string>>; readonly limits: Readonly<Record<string, string>> } };
}

/**
 * Karpenter's chart values: the cluster and queue it serves, its IRSA role, two replicas spread
 * over nodes and zones with a budget, and placement on the system node group only (never on a
 * node a NodePool made: Karpenter could consolidate its own node away).
 * @throws ManifestSchemaError when a scheduling value does not match the Kubernetes schema
 */
export function karpenterValues(props: KarpenterValuesProps): KarpenterValues {
  const values: KarpenterValues = {
    settings: { clusterName: props.clusterName, interruptionQueue: props.interruptionQueue },
    serviceAccount: { name: KARPENTER_SERVICE_ACCOUNT, annotations: { "eks.amazonaws.com/role-arn": props.controllerRoleArn } },
    replicas: props.replicas,
    podDisruptionBudget: { name: KARPENTER_RELEASE, maxUnavailable: props.maxUnavailable },
    topologySpreadConstraints: props.topologySpreadConstraints,
    nodeSelector: { "kubernetes.io/os": "linux", [SYSTEM_NODE_LABEL.key]: SYSTEM_NODE_LABEL.value },
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: "karpenter.sh/nodepool", operator: "DoesNotExist" }] }],
        },
      },
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          { topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { ...KARPENTER_POD_LABELS } } },
        ],
      },
    },
    tolerations: [{ key: SYSTEM_NODE_TAINT.key, operator: "Exists", effect: SYSTEM_NODE_TAINT.effect }],
    controller: { resources: { requests: { cpu: "250m", memory: "512Mi" }, limits: { memory: "1Gi" } } },
  };
  validateModel(new (models.Affinity())(values.affinity), "Karpenter chart value affinity");
  values.tolerations.forEach((t, i) => validateModel(new (models.Toleration())(t), `Karpenter chart value tolerations[${i}]`));
  return values;
}
