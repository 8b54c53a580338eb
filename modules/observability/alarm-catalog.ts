import type { AlarmId } from "../../planning/alarm-defaults";

/** What an alarm watches; one alarm per watched resource of that kind. */
export type AlarmSubject = "batch-queue" | "karpenter-queue" | "eks-cluster" | "nat-gateway" | "tgw-attachment" | "state-bucket";

/** The account whose metrics (and so whose alarms) a subject's alarms use. */
export const SUBJECT_OWNER: Readonly<Record<AlarmSubject, "workload" | "network">> = {
  "batch-queue": "workload",
  "karpenter-queue": "workload",
  "eks-cluster": "workload",
  "state-bucket": "workload",
  "nat-gateway": "network",
  "tgw-attachment": "network",
};

/**
 * One CloudWatch metric of an alarm. `dimensions` maps each dimension name to the attribute of the
 * watched resource that holds its value (e.g. `{ QueueName: "queueName" }`).
 */
export interface MetricRef {
  /** Id in the alarm's metric queries (lower-case first letter, as CloudWatch requires). */
  readonly id: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly statistic: "Sum" | "Maximum" | "Average";
  readonly dimensions: Readonly<Record<string, string>>;
}

interface AlarmDescription {
  readonly id: string;
  readonly subject: AlarmSubject;
  /** What the alarm firing means, in one sentence. */
  readonly meaning: string;
  /** The first thing the on-call engineer does. */
  readonly firstAction: string;
}

/** A metric alarm: one metric against a threshold, a metric-math expression of several, or an anomaly band. */
export interface MetricAlarmDefinition extends AlarmDescription {
  readonly id: AlarmId;
  readonly kind: "threshold" | "expression" | "anomaly";
  readonly metrics: readonly MetricRef[];
  /** For `expression`: the math over the metric ids whose value is compared with the threshold. */
  readonly expression?: string;
  /** Ignored for `anomaly` (above the band's upper edge). */
  readonly comparison: "GreaterThanOrEqualToThreshold" | "GreaterThanThreshold";
  /** Pages on its own; otherwise a signal that pages only through a composite alarm. */
  readonly pages: boolean;
}

/** A rule over metric alarms of the same watched resource: every `all` alarm, and at least one of each `any` group. */
export interface CompositeRule {
  readonly all: readonly (AlarmId | { readonly any: readonly AlarmId[] })[];
}

/** A composite alarm: pages only when the signals it combines agree. Composites always page. */
export interface CompositeAlarmDefinition extends AlarmDescription {
  readonly rule: CompositeRule;
}

const events = (id: string, ruleAttribute: string): MetricRef => ({
  id,
  namespace: "AWS/Events",
  metricName: "MatchedEvents",
  statistic: "Sum",
  dimensions: { RuleName: ruleAttribute },
});

/** Every metric alarm the platform keeps, once; the alarms, the dashboards and docs/observability.md come from it. */
export const METRIC_ALARMS: readonly MetricAlarmDefinition[] = [
  {
    id: "batch-failed-jobs",
    subject: "batch-queue",
    kind: "threshold",
    // Batch publishes no job metrics; an EventBridge rule matching the queue's FAILED "Batch Job State Change" events does.
    metrics: [events("failed", "failedRule")],
    comparison: "GreaterThanOrEqualToThreshold",
    pages: false,
    meaning: "Jobs of the queue ended FAILED (after their retries).",
    firstAction: "Read the failed jobs' status reason: `aws batch list-jobs --job-queue <queue> --job-status FAILED`, then their log stream.",
  },
  {
    id: "batch-backlog-growth",
    subject: "batch-queue",
    kind: "expression",
    metrics: [events("runnable", "runnableRule"), events("started", "startingRule")],
    // Jobs entering RUNNABLE minus jobs leaving it for STARTING: positive for consecutive periods = a backlog growing that long.
    expression: "FILL(runnable, 0) - FILL(started, 0)",
    comparison: "GreaterThanOrEqualToThreshold",
    pages: false,
    meaning: "More jobs became RUNNABLE than started, period after period: the RUNNABLE backlog grows and its oldest job ages.",
    firstAction: "Check the queue's compute environments: `aws batch describe-compute-environments` (status, maxvCpus reached, Spot capacity).",
  },
  {
    id: "karpenter-interruption-depth",
    subject: "karpenter-queue",
    kind: "threshold",
    metrics: [
      { id: "depth", namespace: "AWS/SQS", metricName: "ApproximateNumberOfMessagesVisible", statistic: "Maximum", dimensions: { QueueName: "queueName" } },
    ],
    comparison: "GreaterThanOrEqualToThreshold",
    pages: false,
    meaning: "Interruption events (Spot warnings, rebalances, health events) pile up in Karpenter's queue.",
    firstAction: "Check the Karpenter controller pods are running and their logs show no SQS permission errors.",
  },
  {
    id: "karpenter-interruption-age",
    subject: "karpenter-queue",
    kind: "threshold",
    metrics: [{ id: "age", namespace: "AWS/SQS", metricName: "ApproximateAgeOfOldestMessage", statistic: "Maximum", dimensions: { QueueName: "queueName" } }],
    comparison: "GreaterThanOrEqualToThreshold",
    pages: false,
    meaning: "The oldest interruption event is older than a Spot warning's 2 minutes: nodes are reclaimed before Karpenter drains them.",
    firstAction: "Check the Karpenter controller pods are running and their logs show no SQS permission errors.",
  },
  {
    id: "eks-api-server-errors",
    subject: "eks-cluster",
    kind: "threshold",
    // AWS/EKS publishes control-plane metrics (Kubernetes 1.28 and later) with the ClusterName dimension.
    metrics: [{ id: "errors", namespace: "AWS/EKS", metricName: "apiserver_request_total_5XX", statistic: "Sum", dimensions: { ClusterName: "clusterName" } }],
    comparison: "GreaterThanOrEqualToThreshold",
    pages: true,
    meaning: "The Kubernetes API server answers 5XX: controllers, Karpenter and deploys fail.",
    firstAction: "Check the AWS Health dashboard for EKS, then the cluster's control-plane logs for the failing verb and resource.",
  },
  {
    id: "nat-port-allocation-errors",
    subject: "nat-gateway",
    kind: "threshold",
    metrics: [{ id: "errors", namespace: "AWS/NATGateway", metricName: "ErrorPortAllocation", statistic: "Sum", dimensions: { NatGatewayId: "natGatewayId" } }],
    comparison: "GreaterThanOrEqualToThreshold",
    pages: false,
    meaning: "The NAT gateway ran out of source ports for a destination: new connections fail.",
    firstAction: "Find the top talkers to one destination in the VPC flow logs; add a secondary address to the NAT gateway or spread the traffic.",
  },
  {
    id: "nat-packet-drops",
    subject: "nat-gateway",
    kind: "threshold",
    metrics: [{ id: "drops", namespace: "AWS/NATGateway", metricName: "PacketsDropCount", statistic: "Sum", dimensions: { NatGatewayId: "natGatewayId" } }],
    comparison: "GreaterThanOrEqualToThreshold",
    pages: false,
    meaning: "The NAT gateway drops packets.",
    firstAction: "Compare with ErrorPortAllocation and the gateway's bandwidth on the dashboard; check the AWS Health dashboard for the zone.",
  },
  {
    id: "nat-traffic-anomaly",
    subject: "nat-gateway",
    kind: "anomaly",
    metrics: [
      { id: "bytes", namespace: "AWS/NATGateway", metricName: "BytesOutToDestination", statistic: "Sum", dimensions: { NatGatewayId: "natGatewayId" } },
    ],
    comparison: "GreaterThanThreshold",
    pages: false,
    meaning: "Egress through the NAT gateway is far above its learned daily and weekly pattern.",
    firstAction: "Find the sources in the VPC flow logs; a new workload pulling images or data through NAT instead of an endpoint is the usual cause.",
  },
  {
    id: "tgw-attachment-no-route-drops",
    subject: "tgw-attachment",
    kind: "threshold",
    metrics: [
      {
        id: "drops",
        namespace: "AWS/TransitGateway",
        metricName: "PacketDropCountNoRoute",
        statistic: "Sum",
        dimensions: { TransitGateway: "transitGatewayId", TransitGatewayAttachment: "attachmentId" },
      },
    ],
    comparison: "GreaterThanOrEqualToThreshold",
    pages: false,
    meaning: "Traffic from the VPC's attachment finds no route in its Transit Gateway route table.",
    firstAction: "Check the attachment's route table for the destination CIDR; a peer region's static route missing is the usual cause.",
  },
  {
    id: "tgw-attachment-blackhole-drops",
    subject: "tgw-attachment",
    kind: "threshold",
    metrics: [
      {
        id: "drops",
        namespace: "AWS/TransitGateway",
        metricName: "PacketDropCountBlackhole",
        statistic: "Sum",
        dimensions: { TransitGateway: "transitGatewayId", TransitGatewayAttachment: "attachmentId" },
      },
    ],
    comparison: "GreaterThanOrEqualToThreshold",
    pages: false,
    meaning: "Traffic from the VPC's attachment hits a blackhole route (a deleted attachment or peering).",
    firstAction: "List blackhole routes: `aws ec2 search-transit-gateway-routes --filters Name=state,Values=blackhole`.",
  },
  {
    id: "tgw-attachment-traffic-anomaly",
    subject: "tgw-attachment",
    kind: "anomaly",
    metrics: [
      {
        id: "bytes",
        namespace: "AWS/TransitGateway",
        metricName: "BytesIn",
        statistic: "Sum",
        dimensions: { TransitGateway: "transitGatewayId", TransitGatewayAttachment: "attachmentId" },
      },
    ],
    comparison: "GreaterThanThreshold",
    pages: false,
    meaning: "Traffic into the Transit Gateway from the VPC is far above its learned pattern.",
    firstAction: "Find the flows in the VPC flow logs; a replication or backup job sent across regions is the usual cause.",
  },
  {
    id: "state-bucket-4xx",
    subject: "state-bucket",
    kind: "threshold",
    metrics: [{ id: "errors", namespace: "AWS/S3", metricName: "4xxErrors", statistic: "Sum", dimensions: { BucketName: "bucketName", FilterId: "filterId" } }],
    comparison: "GreaterThanOrEqualToThreshold",
    pages: false,
    meaning: "Requests to the account's Terraform state bucket are refused (denied, missing keys).",
    firstAction: "Find the caller in CloudTrail (AccessDenied on the bucket); a role without its state-reader grant or a wrong key is the usual cause.",
  },
  {
    id: "state-bucket-5xx",
    subject: "state-bucket",
    kind: "threshold",
    metrics: [{ id: "errors", namespace: "AWS/S3", metricName: "5xxErrors", statistic: "Sum", dimensions: { BucketName: "bucketName", FilterId: "filterId" } }],
    comparison: "GreaterThanOrEqualToThreshold",
    pages: true,
    meaning: "S3 fails requests to the state bucket: plans and applies fail or hold stale locks.",
    firstAction: "Check the AWS Health dashboard for S3 in the state region; hold deploys until it clears, then look for stale `.tflock` objects.",
  },
];

/** Composite alarms: they page only when their signals agree. */
export const COMPOSITE_ALARMS: readonly CompositeAlarmDefinition[] = [
  {
    id: "batch-failing-with-backlog",
    subject: "batch-queue",
    rule: { all: ["batch-failed-jobs", "batch-backlog-growth"] },
    meaning: "Jobs fail and the backlog grows at the same time: the queue is not getting work done.",
    firstAction: "Read a failed job's status reason first (capacity, image pull, permissions), then the compute environments' status.",
  },
  {
    id: "karpenter-interruptions-stuck",
    subject: "karpenter-queue",
    rule: { all: ["karpenter-interruption-depth", "karpenter-interruption-age"] },
    meaning: "Interruption events pile up and go unread: Spot nodes die without draining.",
    firstAction: "Restart the Karpenter controller if it is stuck; check its IRSA role can receive and delete from the queue.",
  },
  {
    id: "nat-egress-failing",
    subject: "nat-gateway",
    rule: { all: ["nat-port-allocation-errors", "nat-packet-drops"] },
    meaning: "The NAT gateway both runs out of ports and drops packets: egress from the zone is failing.",
    firstAction: "Find the top talkers in the VPC flow logs and move them to a VPC endpoint or spread them; add NAT addresses.",
  },
  {
    id: "tgw-attachment-losing-traffic",
    subject: "tgw-attachment",
    rule: { all: [{ any: ["tgw-attachment-no-route-drops", "tgw-attachment-blackhole-drops"] }, "tgw-attachment-traffic-anomaly"] },
    meaning: "Unusual traffic from the VPC is being dropped at the Transit Gateway: a routing change cut a path that is in use.",
    firstAction: "Compare the attachment's route table with the last network plan; restore the missing or blackholed route.",
  },
];

/** Ids of the metric alarms a composite rule names. */
export function alarmsOfRule(rule: CompositeRule): AlarmId[] {
  return rule.all.flatMap((term) => (typeof term === "string" ? [term] : [...term.any]));
}
