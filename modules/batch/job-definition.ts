import { BatchJobDefinition } from "@cdktf/provider-aws/lib/batch-job-definition";
import type { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import type { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Fn } from "cdktf";
import { Construct } from "constructs";

/** What a job runs and how long and how often it may try. */
export interface JobSpec {
  /** Container image, e.g. "public.ecr.aws/docker/library/busybox:1.36". */
  readonly image: string;
  readonly vcpus: number;
  readonly memoryMiB: number;
  /**
   * Command overriding the image's.
   * @default undefined (the image's own command)
   */
  readonly command?: readonly string[];
  /** Attempts in all; only Spot reclaims ("Host EC2*") use the extra attempts. */
  readonly retryAttempts: number;
  /** Per-attempt time limit; Batch terminates an attempt that runs longer. */
  readonly timeoutSeconds: number;
}

/** A container job that runs on whichever colour the queues offer. */
export interface JobDefinitionProps {
  /** Job definition name, e.g. "dev-us-east-1-nightly-report". */
  readonly name: string;
  /** Image, size, command, attempts and time limit. */
  readonly job: JobSpec;
  /** Role the job's containers assume. */
  readonly jobRole: IamRole;
  /** Log group the job's output goes to (awslogs driver). */
  readonly logGroup: CloudwatchLogGroup;
  /** Region of the log group. */
  readonly region: string;
}

/** Status reason of an attempt whose Spot instance was reclaimed ("Host EC2 (instance i-…) terminated."). */
export const SPOT_RECLAIM_REASON = "Host EC2*";

/**
 * The retry rules, first match wins: a Spot reclaim is retried (it is no fault of the job);
 * anything else exits, because Batch retries every failure no rule matches.
 */
export function retryRules(): { action: "RETRY" | "EXIT"; onStatusReason?: string; onReason?: string }[] {
  return [
    { action: "RETRY", onStatusReason: SPOT_RECLAIM_REASON },
    { action: "EXIT", onReason: "*" },
  ];
}

export class JobDefinition extends Construct {
  public readonly definition: BatchJobDefinition;

  constructor(scope: Construct, id: string, props: JobDefinitionProps) {
    super(scope, id);
    const { job } = props;
    this.definition = new BatchJobDefinition(this, "definition", {
      name: props.name,
      type: "container",
      platformCapabilities: ["EC2"],
      propagateTags: true,
      containerProperties: Fn.jsonencode({
        image: job.image,
        ...(job.command ? { command: job.command } : {}),
        jobRoleArn: props.jobRole.arn,
        resourceRequirements: [
          { type: "VCPU", value: String(job.vcpus) },
          { type: "MEMORY", value: String(job.memoryMiB) },
        ],
        logConfiguration: {
          logDriver: "awslogs",
          options: { "awslogs-group": props.logGroup.name, "awslogs-region": props.region, "awslogs-stream-prefix": props.name },
        },
      }),
      retryStrategy: { attempts: job.retryAttempts, evaluateOnExit: retryRules() },
      timeout: { attemptDurationSeconds: job.timeoutSeconds },
    });
  }
}
