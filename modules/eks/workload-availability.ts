import type { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { models, type ITopologySpreadConstraint } from "../kubernetes/models";
import { validateModel } from "../kubernetes/schema-validation";
import { ValidatedManifest } from "../kubernetes/validated-manifest";

/** Topology keys a workload spreads over: nodes first, then zones. */
export const SPREAD_TOPOLOGY_KEYS = ["kubernetes.io/hostname", "topology.kubernetes.io/zone"] as const;

export interface WorkloadAvailabilityProps {
  /** Name of the workload; its PodDisruptionBudget gets the same name. */
  readonly name: string;
  readonly namespace: string;
  /** Labels that select exactly the workload's pods. */
  readonly selector: Readonly<Record<string, string>>;
  /** At least 2: a single replica has nowhere to go while its node is drained. @default 2 */
  readonly replicas?: number;
  /** Pods that may be evicted at once (of 2 replicas: 1, i.e. "keep 50%"). @default 1 */
  readonly maxUnavailable?: number;
  /**
   * "manifest" applies a PodDisruptionBudget here. "chart" is for charts that always render
   * their own (Karpenter's): only `maxUnavailable` is handed to them, because two budgets over
   * the same pods make every eviction fail.
   * @default "manifest"
   */
  readonly podDisruptionBudget?: "manifest" | "chart";
  /** @default the stack's default kubernetes provider */
  readonly provider?: KubernetesProvider;
  /** What must exist before the budget (the workload's namespace, its release). @default [] */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * What keeps a workload up while Karpenter consolidates nodes under it: at least two replicas,
 * spread over nodes and zones (DoNotSchedule, so two replicas never share a node or, where
 * there are zones to use, a zone), and a PodDisruptionBudget so a drain evicts one at a time.
 * Hand `replicas` and `topologySpreadConstraints` to the workload's chart values.
 */
export class WorkloadAvailability extends Construct {
  public readonly replicas: number;
  public readonly maxUnavailable: number;
  public readonly topologySpreadConstraints: readonly ITopologySpreadConstraint[];
  /** The budget applied here (undefined when the chart renders it). */
  public readonly podDisruptionBudget?: ValidatedManifest;

  constructor(scope: Construct, id: string, props: WorkloadAvailabilityProps) {
    super(scope, id);
    this.replicas = props.replicas ?? 2;
    this.maxUnavailable = props.maxUnavailable ?? 1;
    if (this.replicas < 2)
      throw new Error(`${props.namespace}/${props.name}: replicas is ${this.replicas}; run at least 2 so a drained node never takes the workload down`);
    if (this.maxUnavailable < 1 || this.maxUnavailable >= this.replicas) {
      throw new Error(
        `${props.namespace}/${props.name}: maxUnavailable ${this.maxUnavailable} must be between 1 and replicas - 1 (${this.replicas - 1}): 0 blocks every drain, ${this.replicas} allows evicting all`,
      );
    }
    this.topologySpreadConstraints = spreadConstraints(props.selector);
    const TopologySpreadConstraint = models.TopologySpreadConstraint();
    this.topologySpreadConstraints.forEach((c) =>
      validateModel(new TopologySpreadConstraint(c), `topology spread of ${props.namespace}/${props.name} over ${c.topologyKey}`),
    );
    if ((props.podDisruptionBudget ?? "manifest") === "manifest") {
      const PodDisruptionBudget = models.PodDisruptionBudget();
      this.podDisruptionBudget = new ValidatedManifest(this, "pdb", {
        object: new PodDisruptionBudget({
          metadata: { name: props.name, namespace: props.namespace },
          spec: { maxUnavailable: this.maxUnavailable, selector: { matchLabels: { ...props.selector } } },
        }),
        provider: props.provider,
        dependsOn: props.dependsOn,
      });
    }
  }
}

/** One hard constraint per topology key, each selecting the workload's own pods. */
export function spreadConstraints(selector: Readonly<Record<string, string>>): ITopologySpreadConstraint[] {
  return SPREAD_TOPOLOGY_KEYS.map((topologyKey) => ({
    maxSkew: 1,
    topologyKey,
    whenUnsatisfiable: "DoNotSchedule",
    labelSelector: { matchLabels: { ...selector } },
  }));
}
