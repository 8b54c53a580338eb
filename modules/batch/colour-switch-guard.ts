import { DataAwsBatchComputeEnvironment } from "@cdktf/provider-aws/lib/data-aws-batch-compute-environment";
import { DataAwsBatchJobQueue } from "@cdktf/provider-aws/lib/data-aws-batch-job-queue";
import { DataAwsEcsCluster } from "@cdktf/provider-aws/lib/data-aws-ecs-cluster";
import { DataAwsS3Objects } from "@cdktf/provider-aws/lib/data-aws-s3-objects";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { DataTerraformRemoteStateS3, TerraformLocal, type Precondition } from "cdktf";
import { Construct } from "constructs";
import { s3StateConfig, type StateAccessProps } from "../state/backend";
import { queuedColours, type BatchNames, type ColourState } from "./queue-order";
import {
  activeLeaving,
  ecsClusterName,
  EMPTY_LEDGER,
  leavingEnvironmentNames,
  liveQueueOrders,
  stillEnabled,
  stillQueued,
  stillRunningTasks,
} from "./switch-guard-expressions";

/** Reads of the deployed state that decide whether a colour change may be applied. */
export interface ColourSwitchGuardProps {
  readonly names: BatchNames;
  /** The colour state the config asks for. */
  readonly state: ColourState;
  /** Where the config sits, for the messages, e.g. "environments.dev.batch". */
  readonly configPath: string;
  /** The stack's own state: its last apply's `batch_colours` output is the ledger of deployed colours. */
  readonly ownState: StateAccessProps;
  /** A provider of the stack's account in the state bucket's region, to see whether that state exists yet. */
  readonly stateBucketProvider: AwsProvider;
}

/**
 * Stops `plan` when the config skips a step of the blue-green switch that only the deployed
 * state can reveal:
 * - a colour left out of the config whose compute environments AWS still shows ENABLED, or
 *   that a live queue still orders (Terraform would disable and delete them while they run jobs);
 * - a colour left out of the config whose ECS cluster still runs tasks (step 4 while jobs run:
 *   after step 3 the environments are DISABLED and unqueued, yet their last jobs may still run);
 * - a colour that takes jobs first in a live queue taken out of every queue at once (no draining).
 *
 * A colour removed from the config is invisible to it, so the stack records the colours it
 * deployed in its `batch_colours` output and reads that back from its own state; the data
 * sources then read those compute environments and the queues live. A stack never applied has
 * no state object (checked with a listing, which unlike a read tolerates absence) and no checks.
 */
export class ColourSwitchGuard extends Construct {
  /** Name of the stack output that holds the ledger of deployed colours. */
  public static readonly LEDGER_OUTPUT = "batch_colours";
  /** Conditions for the job queue that every colour change goes through. */
  public readonly preconditions: Precondition[];

  constructor(scope: Construct, id: string, props: ColourSwitchGuardProps) {
    super(scope, id);
    const { names, state, configPath } = props;
    const { bucket, key } = props.ownState.location;

    const ownState = new DataAwsS3Objects(this, "own-state", { provider: props.stateBucketProvider, bucket, prefix: key });
    const previous = new DataTerraformRemoteStateS3(this, "previous", s3StateConfig(props.ownState));
    // The listing also holds "<key>.tflock" while this very plan runs: only the state object itself counts.
    previous.addOverride("count", `\${contains(data.aws_s3_objects.${ownState.friendlyUniqueId}.keys, ${JSON.stringify(key)}) ? 1 : 0}`);
    const ledger = local(
      this,
      "batch_ledger",
      `try(data.terraform_remote_state.${previous.friendlyUniqueId}[0].outputs.${ColourSwitchGuard.LEDGER_OUTPUT}, ${EMPTY_LEDGER})`,
    );
    const leavingNames = local(this, "batch_leaving_environments", leavingEnvironmentNames(ledger, state.deployed));

    // Literal names, not references to this stack's resources: a data source that depends on a
    // resource with pending changes is read at apply time, too late to stop the plan.
    const liveQueues = new DataAwsBatchJobQueue(this, "live-queue", { name: "${each.value}" });
    liveQueues.addOverride("for_each", `\${toset(${ledger}.job_queues)}`);
    const leaving = new DataAwsBatchComputeEnvironment(this, "leaving", { computeEnvironmentName: "${each.value}" });
    leaving.addOverride("for_each", `\${${leavingNames}}`);

    // Batch runs each compute environment's jobs as tasks of its own ECS cluster: the one live
    // count of jobs on it, whatever state the environment and the queues are in.
    const leavingClusters = new DataAwsEcsCluster(this, "leaving-cluster", {
      clusterName: `\${${ecsClusterName(`data.aws_batch_compute_environment.${leaving.friendlyUniqueId}[each.key].ecs_cluster_arn`)}}`,
    });
    leavingClusters.addOverride("for_each", `\${${leavingNames}}`);

    const liveOrders = local(this, "batch_live_queue_orders", liveQueueOrders(`data.aws_batch_job_queue.${liveQueues.friendlyUniqueId}`));
    const running = local(this, "batch_leaving_still_running", stillRunningTasks(`data.aws_ecs_cluster.${leavingClusters.friendlyUniqueId}`));
    const enabled = local(this, "batch_leaving_still_enabled", stillEnabled(`data.aws_batch_compute_environment.${leaving.friendlyUniqueId}`));
    const queued = local(this, "batch_leaving_still_queued", stillQueued(liveOrders, leavingNames));
    const skippedDrain = local(this, "batch_active_taken_out", activeLeaving(liveOrders, names.colourByEnvironmentPattern(), queuedColours(state)));
    const retireFirst =
      `Next step: keep the colour under ${configPath}.colours with ${configPath}.state = { active: "${state.active}" } ` +
      `(it becomes DISABLED and leaves every queue), apply, wait until it has no jobs (docs/runbooks/batch-blue-green-switch.md), then remove it.`;
    this.preconditions = [
      {
        condition: `\${length(${enabled}) == 0}`,
        errorMessage: `Batch colour switch skipped a step: compute environment(s) \${join(", ", ${enabled})} are left out of ${configPath}.colours but still ENABLED in AWS; deleting them now would kill their running jobs. ${retireFirst}`,
      },
      {
        condition: `\${length(${queued}) == 0}`,
        errorMessage: `Batch colour switch skipped a step: compute environment(s) \${join(", ", ${queued})} are left out of ${configPath}.colours but a live job queue still sends jobs to them. ${retireFirst}`,
      },
      {
        condition: `\${length(${running}) == 0}`,
        errorMessage:
          `Batch colour removal refused: compute environment(s) \${join(", ", ${running})} still run jobs (tasks in their ECS clusters), and removing the colour deletes them. ` +
          `Wait until those jobs finish (aws batch list-jobs --job-queue <queue> --job-status RUNNING), or cancel them, then plan again (docs/runbooks/batch-blue-green-switch.md, step 4).`,
      },
      {
        condition: `\${length(${skippedDrain}) == 0}`,
        errorMessage:
          `Batch colour switch skipped a step: colour \${join(", ", ${skippedDrain})} takes jobs first in a live job queue and this change takes it out of every queue at once. ` +
          `One step per apply: next set ${configPath}.state = { active: "${state.active}", draining: "\${join(", ", ${skippedDrain})}" } so it drains behind ${state.active}.`,
      },
    ];
  }
}

/** A Terraform local named `name` (one guard per stack, so names are unique); returns its reference. */
function local(scope: Construct, name: string, expression: string): string {
  new TerraformLocal(scope, name, `\${${expression}}`).overrideLogicalId(name);
  return `local.${name}`;
}
