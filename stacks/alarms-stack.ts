import type { Construct } from "constructs";
import type { EnvironmentModel, ObservabilityModel } from "../planning/model";
import { purposeRoleArns } from "../modules/access/account-access";
import { BatchNames, JOB_QUEUE_KINDS } from "../modules/batch/queue-order";
import { AlarmTopic } from "../modules/observability/alarm-topic";
import { BatchJobEvents } from "../modules/observability/batch-job-events";
import { ObservabilityLink } from "../modules/observability/observability-link";
import { ResourceAlarms } from "../modules/observability/resource-alarms";
import type { WatchedResource } from "../modules/observability/watched-resource";
import { roleNamesOf } from "./account-access-plan";
import { AccountStack, type AccountStackProps } from "./account-stack";
import type { MonitoringSinkStack } from "./monitoring-sink-stack";
import { regionalArn } from "../planning/partition";

/** What an alarm stack of either account needs beyond the account stack's props. */
export interface AlarmStackProps extends Omit<AccountStackProps, "account" | "environment"> {
  readonly environmentModel: EnvironmentModel;
  /**
   * The region's sink, when this stack owns its account's link in its region (one link per account and region).
   * @default undefined (another stack of the account links it)
   */
  readonly linkTo?: MonitoringSinkStack;
}

/** Topic, alarms and (when it owns it) the account's OAM link: shared by the workload and network alarm stacks. */
export function buildAlarms(stack: AccountStack, env: EnvironmentModel, resources: readonly WatchedResource[], linkTo?: MonitoringSinkStack): ResourceAlarms {
  const observability: ObservabilityModel = env.observability!;
  const roles = purposeRoleArns(stack.account.id, roleNamesOf(stack.org), stack.partition);
  const topic = new AlarmTopic(stack, "topic", {
    name: stack.node.id,
    accountId: stack.account.id,
    region: stack.region,
    roles: { administrators: [roles.deploy, roles.breakGlass], planner: roles.plan },
    subscriptions: observability.subscriptions,
  });
  if (linkTo) new ObservabilityLink(stack, "link", { sinkArn: linkTo.sinkArnFor(stack) });
  return new ResourceAlarms(stack, "alarms", {
    resources,
    thresholds: observability.thresholds,
    namePrefix: `${env.name}-${stack.region}`,
    pageTopicArn: topic.topic.arn,
  });
}

export interface AlarmsStackProps extends AlarmStackProps {
  /** What the alarms watch in the environment's workload account in this region. */
  readonly resources: readonly WatchedResource[];
}

/**
 * The environment's alarms in its workload account in one region ("<env>-<region>-alarms"): Batch
 * queues, Karpenter's interruption queue, the EKS API server and the account's state bucket, with the
 * EventBridge rules that turn Batch job events into metrics, and the encrypted topic they page on.
 */
export class AlarmsStack extends AccountStack {
  public readonly alarms: ResourceAlarms;

  constructor(scope: Construct, name: string, props: AlarmsStackProps) {
    const env = props.environmentModel;
    if (!env.observability) throw new Error(`environment "${env.name}" has no observability settings; build no AlarmsStack for it`);
    super(scope, name, { ...props, account: env.workloadAccounts[0], environment: env.name });
    if (env.batch?.regions.includes(this.region)) {
      const names = new BatchNames(`${env.name}-${this.region}`);
      for (const kind of JOB_QUEUE_KINDS) {
        const queueName = names.jobQueue(kind);
        new BatchJobEvents(this, `batch-events-${kind}`, { queueName, queueArn: regionalArn(this.region, "batch", this.account.id, `job-queue/${queueName}`) });
      }
    }
    this.alarms = buildAlarms(this, env, props.resources, props.linkTo);
  }
}
