import { models, type IToleration, type ITopologySpreadConstraint } from "../kubernetes/models";
import { validateModel } from "../kubernetes/schema-validation";
import { EFS_CSI_SERVICE_ACCOUNT } from "./efs-csi-role";
import { SYSTEM_NODE_LABEL, SYSTEM_NODE_TAINT } from "./system-node-group";

/** Release name; the chart's pod labels derive from it. */
export const EFS_CSI_RELEASE = "aws-efs-csi-driver";

/** Labels the chart puts on (and selects) the controller pods. */
export const EFS_CSI_CONTROLLER_LABELS = {
  app: "efs-csi-controller",
  "app.kubernetes.io/name": "aws-efs-csi-driver",
  "app.kubernetes.io/instance": EFS_CSI_RELEASE,
} as const;

export interface EfsCsiValuesProps {
  /** IRSA role of the controller's service account. */
  readonly controllerRoleArn: string;
  readonly replicas: number;
  readonly topologySpreadConstraints: readonly ITopologySpreadConstraint[];
}

/** The values of the aws-efs-csi-driver chart the platform sets. */
export interface EfsCsiValues {
  readonly controller: {
    readonly replicaCount: number;
    readonly serviceAccount: { readonly create: boolean; readonly name: string; readonly annotations: Readonly<Record<string, string>> };
    readonly nodeSelector: Readonly<Record<string, string>>;
    readonly tolerations: readonly IToleration[];
    readonly topologySpreadConstraints: readonly ITopologySpreadConstraint[];
    /** Off: the platform applies its own budget (WorkloadAvailability), one budget per workload. */
    readonly podDisruptionBudget: { readonly enabled: boolean };
  };
  /** None from the chart: the platform applies a validated efs-sc StorageClass itself. */
  readonly storageClasses: readonly never[];
}

/**
 * EFS CSI chart values: the controller's service account annotated with its IRSA role, two
 * replicas on the system nodes spread over nodes and zones. The node DaemonSet keeps the chart's
 * tolerate-everything default: it must run wherever a pod may mount a volume.
 * @throws ManifestSchemaError when a scheduling value does not match the Kubernetes schema
 */
export function efsCsiValues(props: EfsCsiValuesProps): EfsCsiValues {
  const values: EfsCsiValues = {
    controller: {
      replicaCount: props.replicas,
      serviceAccount: { create: true, name: EFS_CSI_SERVICE_ACCOUNT, annotations: { "eks.amazonaws.com/role-arn": props.controllerRoleArn } },
      nodeSelector: { [SYSTEM_NODE_LABEL.key]: SYSTEM_NODE_LABEL.value },
      tolerations: [
        { key: SYSTEM_NODE_TAINT.key, operator: "Exists", effect: SYSTEM_NODE_TAINT.effect },
        // The chart's own: the controller may start before the node agent reports ready.
        { key: "efs.csi.aws.com/agent-not-ready", operator: "Exists" },
      ],
      topologySpreadConstraints: props.topologySpreadConstraints,
      podDisruptionBudget: { enabled: false },
    },
    storageClasses: [],
  };
  values.controller.tolerations.forEach((t, i) => validateModel(new (models.Toleration())(t), `EFS CSI chart value controller.tolerations[${i}]`));
  return values;
}
