import type { BatchColour } from "../../planning/names";

/**
 * The Terraform expressions behind the colour-switch preconditions, as plain HCL text (no
 * surrounding `${}`). Kept free of cdktf so unit tests can evaluate them with `terraform console`
 * on literal inputs shaped like the data sources they read in a real plan.
 */

/** What the stack recorded at its last apply (its own `batch_colours` output). */
export const EMPTY_LEDGER = "{ compute_environments = {}, job_queues = [] }";

/** A TypeScript value as an HCL literal (JSON is valid HCL expression syntax). */
export function hcl(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * Names of compute environments the last apply deployed for colours the config no longer has:
 * the ones this plan would delete.
 * @param ledger object { compute_environments = { colour = { capacity = name } }, job_queues = [name] }
 */
export function leavingEnvironmentNames(ledger: string, configured: readonly BatchColour[]): string {
  return `toset(flatten([for colour, ces in ${ledger}.compute_environments : values(ces) if !contains(${hcl(configured)}, colour)]))`;
}

/**
 * Each live queue's compute environment names in the order AWS tries them.
 * @param liveQueues map queue name → object with compute_environment_order = [{ order, compute_environment (ARN) }]
 */
export function liveQueueOrders(liveQueues: string): string {
  return (
    `{ for queue, live in ${liveQueues} : queue => ` +
    `[for entry in sort([for e in live.compute_environment_order : format("%05d|%s", e.order, e.compute_environment)]) : regex("[^/|]+$", entry)] }`
  );
}

/**
 * Compute environments about to be deleted that AWS still shows ENABLED.
 * @param leaving map name → object with `state`, read live for every leaving environment
 */
export function stillEnabled(leaving: string): string {
  return `sort([for name, ce in ${leaving} : name if ce.state != "DISABLED"])`;
}

/** Compute environments about to be deleted that a live queue still orders. */
export function stillQueued(liveOrders: string, leavingNames: string): string {
  return `sort(setintersection(toset(flatten(values(${liveOrders}))), ${leavingNames}))`;
}

/**
 * Colours that take jobs first in a live queue and that the config takes out of every queue at
 * once: skipping the draining step.
 */
export function activeLeaving(liveOrders: string, colourByEnvironmentPattern: Readonly<Record<string, BatchColour>>, queued: readonly BatchColour[]): string {
  // Names carry a unique suffix (name prefixes), so the colour is found by pattern, not by lookup.
  const colourOf = (name: string): string => `try([for pattern, colour in ${hcl(colourByEnvironmentPattern)} : colour if can(regex(pattern, ${name}))][0], "")`;
  // "" stands for an empty queue or an environment of neither colour: nothing to protect.
  return `sort(setsubtract(toset([for queue, order in ${liveOrders} : ${colourOf(`try(order[0], "")`)}]), ${hcl([...queued, ""])}))`;
}

/**
 * Leaving compute environments whose ECS cluster still runs or is about to run tasks (Batch jobs):
 * deleting them now would kill those jobs, whatever the queues say.
 * @param clusters map compute environment name → object with `running_tasks_count` and `pending_tasks_count`
 */
export function stillRunningTasks(clusters: string): string {
  return `sort([for name, cluster in ${clusters} : format("%s (%d running, %d pending)", name, cluster.running_tasks_count, cluster.pending_tasks_count) if cluster.running_tasks_count + cluster.pending_tasks_count > 0])`;
}

/** The cluster name in an ECS cluster ARN (arn:aws:ecs:region:account:cluster/NAME). */
export function ecsClusterName(clusterArn: string): string {
  return `element(split("/", ${clusterArn}), 1)`;
}
