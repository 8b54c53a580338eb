import { BatchJobQueue } from "@cdktf/provider-aws/lib/batch-job-queue";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { TerraformOutput } from "cdktf";
import { Construct } from "constructs";
import type { BatchColour } from "../../planning/names";
import type { StateAccessProps } from "../state/backend";
import type { BatchRoles } from "./batch-roles";
import { ColourCompute, type ColourSettings } from "./colour-compute";
import { ColourSwitchGuard } from "./colour-switch-guard";
import {
  JOB_QUEUE_KINDS,
  JOB_QUEUES,
  queuedColours,
  queueOrders,
  RUNNABLE_TIME_LIMITS,
  type BatchNames,
  type ColourState,
  type JobQueueKind,
} from "./queue-order";

/** Batch compute of one environment × region in blue and green, switched by config one step per apply. */
export interface BlueGreenComputeProps {
  readonly names: BatchNames;
  /** Settings of every deployed colour; a colour missing here is removed by this apply. */
  readonly colours: Readonly<Partial<Record<BatchColour, ColourSettings>>>;
  /** The colour every queue offers first. */
  readonly active: BatchColour;
  /**
   * The colour offered after the active one while its jobs finish.
   * @default undefined (only the active colour is queued; other deployed colours are DISABLED)
   */
  readonly draining?: BatchColour;
  /** Where the colour config sits, for messages, e.g. "environments.dev.batch". */
  readonly configPath: string;
  readonly subnetIds: readonly string[];
  readonly securityGroup: SecurityGroup;
  readonly roles: BatchRoles;
  /** The stack's own state, where the ledger of deployed colours is read back from. */
  readonly ownState: StateAccessProps;
  /** Provider of the stack's account in the state bucket's region. */
  readonly stateBucketProvider: AwsProvider;
}

/**
 * Every deployed colour's Spot and On-Demand compute environments (ENABLED while queued,
 * DISABLED once retired) and the two job queues, whose order is derived from the colour state.
 * The Spot-first queue carries the preconditions that stop a skipped step at plan.
 */
export class BlueGreenCompute extends Construct {
  public readonly colours: Readonly<Partial<Record<BatchColour, ColourCompute>>>;
  public readonly queues: Readonly<Record<JobQueueKind, BatchJobQueue>>;
  public readonly guard: ColourSwitchGuard;

  constructor(scope: Construct, id: string, props: BlueGreenComputeProps) {
    super(scope, id);
    const { names } = props;
    const deployed = (Object.keys(props.colours) as BatchColour[]).filter((c) => props.colours[c]).sort();
    const state: ColourState = { active: props.active, draining: props.draining, deployed };
    const queued = queuedColours(state);
    for (const colour of queued) {
      if (!props.colours[colour]) throw new Error(`${props.configPath}: colour "${colour}" is queued but has no settings under colours`);
    }
    this.colours = Object.fromEntries(
      deployed.map((colour) => [
        colour,
        new ColourCompute(this, colour, {
          colour,
          settings: props.colours[colour]!,
          enabled: queued.includes(colour),
          names,
          subnetIds: props.subnetIds,
          securityGroup: props.securityGroup,
          serviceRoleArn: props.roles.computeEnvironmentServiceRole,
          servicePolicy: props.roles.servicePolicy,
          instanceProfile: props.roles.instanceProfile,
        }),
      ]),
    );
    this.guard = new ColourSwitchGuard(this, "guard", {
      names,
      state,
      configPath: props.configPath,
      ownState: props.ownState,
      stateBucketProvider: props.stateBucketProvider,
    });

    const orders = queueOrders(state);
    this.queues = Object.fromEntries(
      JOB_QUEUE_KINDS.map((kind) => [
        kind,
        new BatchJobQueue(this, kind, {
          name: names.jobQueue(kind),
          priority: JOB_QUEUES[kind].priority,
          state: "ENABLED",
          computeEnvironmentOrder: orders[kind].map((slot, i) => ({
            order: i + 1,
            computeEnvironment: this.colours[slot.colour]!.environments[slot.capacity].arn,
          })),
          jobStateTimeLimitAction: RUNNABLE_TIME_LIMITS.map((limit) => ({ state: "RUNNABLE", action: "CANCEL", ...limit })),
          lifecycle: kind === "spot-first" ? { precondition: this.guard.preconditions } : undefined,
        }),
      ]),
    ) as Record<JobQueueKind, BatchJobQueue>;

    // The ledger the guard reads back on the next plan: which colours this apply deployed.
    const ledger = new TerraformOutput(this, "ledger", {
      description: "Batch colours deployed by the last apply (read back by the colour-switch preconditions)",
      value: {
        compute_environments: Object.fromEntries(
          deployed.map((colour) => {
            const environments = this.colours[colour]!.environments;
            return [colour, { spot: environments.spot.computeEnvironmentName, "on-demand": environments["on-demand"].computeEnvironmentName }];
          }),
        ),
        job_queues: JOB_QUEUE_KINDS.map((kind) => this.queues[kind].name),
      },
    });
    ledger.overrideLogicalId(ColourSwitchGuard.LEDGER_OUTPUT);
  }
}
