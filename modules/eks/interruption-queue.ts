import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import { SqsQueuePolicy } from "@cdktf/provider-aws/lib/sqs-queue-policy";
import { Construct } from "constructs";

/** The EventBridge events Karpenter acts on before AWS takes a node away. */
export const INTERRUPTION_EVENTS = {
  "spot-interruption": { source: ["aws.ec2"], "detail-type": ["EC2 Spot Instance Interruption Warning"] },
  rebalance: { source: ["aws.ec2"], "detail-type": ["EC2 Instance Rebalance Recommendation"] },
  "instance-state-change": { source: ["aws.ec2"], "detail-type": ["EC2 Instance State-change Notification"] },
  "scheduled-change": { source: ["aws.health"], "detail-type": ["AWS Health Event"] },
  "capacity-reservation-interruption": { source: ["aws.ec2"], "detail-type": ["EC2 Capacity Reservation Instance Interruption Warning"] },
} as const;

export interface InterruptionQueueProps {
  /** Queue name (Karpenter's `settings.interruptionQueue`), e.g. "dev-us-east-1-karpenter". */
  readonly name: string;
}

/**
 * Karpenter's interruption queue: Spot interruption warnings, rebalance recommendations,
 * instance state changes, AWS Health scheduled changes and capacity-reservation interruption
 * warnings (Karpenter's five upstream rules) land here, so Karpenter can drain a
 * node before it goes. SSE-encrypted; the policy admits EventBridge and refuses non-TLS access.
 */
export class InterruptionQueue extends Construct {
  public readonly queue: SqsQueue;
  public readonly rules: Readonly<Record<keyof typeof INTERRUPTION_EVENTS, CloudwatchEventRule>>;

  constructor(scope: Construct, id: string, props: InterruptionQueueProps) {
    super(scope, id);
    // Events older than five minutes describe nodes that are already gone.
    this.queue = new SqsQueue(this, "queue", { name: props.name, messageRetentionSeconds: 300, sqsManagedSseEnabled: true });
    const policy = new DataAwsIamPolicyDocument(this, "policy", {
      statement: [
        {
          sid: "EventBridgeDelivers",
          effect: "Allow",
          actions: ["sqs:SendMessage"],
          principals: [{ type: "Service", identifiers: ["events.amazonaws.com", "sqs.amazonaws.com"] }],
          resources: [this.queue.arn],
        },
        {
          sid: "DenyWithoutTls",
          effect: "Deny",
          actions: ["sqs:*"],
          principals: [{ type: "*", identifiers: ["*"] }],
          resources: [this.queue.arn],
          condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
        },
      ],
    });
    new SqsQueuePolicy(this, "queue-policy", { queueUrl: this.queue.url, policy: policy.json });
    this.rules = Object.fromEntries(
      Object.entries(INTERRUPTION_EVENTS).map(([key, pattern]) => {
        const rule = new CloudwatchEventRule(this, key, { name: `${props.name}-${key}`, eventPattern: JSON.stringify(pattern) });
        new CloudwatchEventTarget(this, `${key}-target`, { rule: rule.name, targetId: "karpenter-interruption-queue", arn: this.queue.arn });
        return [key, rule];
      }),
    ) as Record<keyof typeof INTERRUPTION_EVENTS, CloudwatchEventRule>;
  }
}
