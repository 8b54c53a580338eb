import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { Construct } from "constructs";

/** Job statuses whose "Batch Job State Change" events the alarms count. */
export const COUNTED_JOB_STATUSES = { failedRule: "FAILED", runnableRule: "RUNNABLE", startingRule: "STARTING" } as const;
export type CountedJobStatusRule = keyof typeof COUNTED_JOB_STATUSES;

/** Name of the rule counting `status` transitions of `queueName`'s jobs, e.g. "dev-us-east-1-batch-spot-first-failed". */
export function jobEventRuleName(queueName: string, status: string): string {
  return `${queueName}-${status.toLowerCase()}`;
}

export interface BatchJobEventsProps {
  /** The job queue's name; rules are named "<queue>-<status>". */
  readonly queueName: string;
  /** The queue's ARN, as Batch puts it in each event's `detail.jobQueue`. */
  readonly queueArn: string;
}

/**
 * AWS Batch publishes no CloudWatch metrics of its jobs; it sends a "Batch Job State Change" event to
 * EventBridge on every transition. One rule per counted status on the queue's events makes EventBridge
 * publish AWS/Events MatchedEvents per RuleName: jobs failed, jobs entering RUNNABLE, jobs starting.
 * The rules need no target: matching alone counts.
 */
export class BatchJobEvents extends Construct {
  /** Rule name by attribute ("failedRule", "runnableRule", "startingRule"): the alarms' dimension values. */
  public readonly ruleNames: Readonly<Record<CountedJobStatusRule, string>>;

  constructor(scope: Construct, id: string, props: BatchJobEventsProps) {
    super(scope, id);
    const entries = (Object.entries(COUNTED_JOB_STATUSES) as [CountedJobStatusRule, string][]).map(([attribute, status]) => {
      const rule = new CloudwatchEventRule(this, status.toLowerCase(), {
        name: jobEventRuleName(props.queueName, status),
        description: `Counts ${status} transitions of jobs in ${props.queueName} (AWS/Events MatchedEvents)`,
        eventPattern: JSON.stringify({
          source: ["aws.batch"],
          "detail-type": ["Batch Job State Change"],
          detail: { jobQueue: [props.queueArn], status: [status] },
        }),
      });
      return [attribute, rule.name] as const;
    });
    this.ruleNames = Object.fromEntries(entries) as Record<CountedJobStatusRule, string>;
  }
}
