import { BATCH_COLOURS, type BatchColour } from "../../planning/names";

/** The two capacity types every colour has. */
export const CAPACITIES = ["spot", "on-demand"] as const;
export type Capacity = (typeof CAPACITIES)[number];

/** Where a blue-green switch stands: the colour taking jobs, the one finishing its jobs, every deployed one. */
export interface ColourState {
  readonly active: BatchColour;
  readonly draining?: BatchColour;
  /** Colours with compute environments (active, draining and retired ones). */
  readonly deployed: readonly BatchColour[];
}

/** One entry of a queue's compute environment order. */
export interface QueueSlot {
  readonly colour: BatchColour;
  readonly capacity: Capacity;
}

/**
 * The two job queues. A queue may order at most 3 compute environments, and during a switch
 * there are 4 (two colours × Spot and On-Demand), so one queue cannot hold both colours' Spot
 * and On-Demand environments. Two queues keep both colours in every queue, new colour first:
 * - `spot-first` (high priority): every queued colour's Spot environment, then the active
 *   colour's On-Demand environment as the fallback when Spot is at its vCPU ceiling;
 * - `on-demand` (low priority): every queued colour's On-Demand environment, for jobs that
 *   must not be interrupted.
 */
export const JOB_QUEUES = {
  "spot-first": { priority: 100 },
  "on-demand": { priority: 10 },
} as const;

/**
 * How long a job may sit RUNNABLE for one of these reasons before its queue cancels it, so the
 * jobs behind it move up (AWS Batch user guide, "Jobs stuck in RUNNABLE"): a Spot shortage below
 * max_vcpus never spills over to the On-Demand fallback, and a job bigger than any instance or
 * than max_vcpus would wait forever. A cancelled job can be resubmitted to the on-demand queue.
 */
export const RUNNABLE_TIME_LIMITS: readonly { readonly reason: string; readonly maxTimeSeconds: number }[] = [
  { reason: "CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY", maxTimeSeconds: 3600 },
  { reason: "MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE", maxTimeSeconds: 600 },
  { reason: "MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT", maxTimeSeconds: 600 },
];
export type JobQueueKind = keyof typeof JOB_QUEUES;
export const JOB_QUEUE_KINDS = Object.keys(JOB_QUEUES) as JobQueueKind[];

/** AWS Batch refuses a queue with more compute environments than this. */
export const MAX_ENVIRONMENTS_PER_QUEUE = 3;

/** Colours in the queues, in the order they are offered: the active one, then the draining one. */
export function queuedColours(state: ColourState): BatchColour[] {
  return state.draining ? [state.active, state.draining] : [state.active];
}

/** Deployed colours out of every queue: DISABLED, waiting to be removed (or re-activated). */
export function retiredColours(state: ColourState): BatchColour[] {
  const queued = queuedColours(state);
  return BATCH_COLOURS.filter((c) => state.deployed.includes(c) && !queued.includes(c));
}

/** Each queue's compute environment order, derived from the colour state alone. */
export function queueOrders(state: ColourState): Record<JobQueueKind, QueueSlot[]> {
  const queued = queuedColours(state);
  const orders: Record<JobQueueKind, QueueSlot[]> = {
    "spot-first": [...queued.map((colour) => ({ colour, capacity: "spot" as const })), { colour: state.active, capacity: "on-demand" }],
    "on-demand": queued.map((colour) => ({ colour, capacity: "on-demand" as const })),
  };
  for (const [kind, order] of Object.entries(orders)) {
    if (order.length > MAX_ENVIRONMENTS_PER_QUEUE)
      throw new Error(`queue ${kind} would order ${order.length} compute environments; AWS Batch allows ${MAX_ENVIRONMENTS_PER_QUEUE}`);
  }
  return orders;
}

/** Names every Batch resource of one environment × region derives from. */
export class BatchNames {
  /** @param prefix "<env>-<region>", e.g. "dev-us-east-1". */
  constructor(public readonly prefix: string) {}

  /**
   * The stem of a compute environment's name, e.g. "dev-us-east-1-batch-blue-spot": its Name tag,
   * and its whole name as releases before name prefixes created it.
   */
  public computeEnvironment(colour: BatchColour, capacity: Capacity): string {
    return `${this.prefix}-batch-${colour}-${capacity}`;
  }

  /**
   * The `compute_environment_name_prefix` of a compute environment: Terraform appends a unique
   * suffix, so a replacement can be created while the environment it replaces still exists.
   */
  public computeEnvironmentPrefix(colour: BatchColour, capacity: Capacity): string {
    return `${this.computeEnvironment(colour, capacity)}-`;
  }

  public jobQueue(kind: JobQueueKind): string {
    return `${this.prefix}-batch-${kind}`;
  }

  /**
   * A pattern (RE2, anchored) for every compute environment name either colour can have, mapped to
   * its colour: the stem plus Terraform's unique suffix, or the bare stem of an earlier release.
   */
  public colourByEnvironmentPattern(): Record<string, BatchColour> {
    return Object.fromEntries(
      BATCH_COLOURS.flatMap((colour) => CAPACITIES.map((capacity) => [`^${this.computeEnvironment(colour, capacity)}(-[0-9a-f]+)?$`, colour])),
    );
  }
}
