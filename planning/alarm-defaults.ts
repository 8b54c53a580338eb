/**
 * The platform's metric alarms by id, and the thresholds they use unless the org file's
 * `observability.alarms.<id>` (or an environment's) overrides them. What each alarm watches and
 * means is in modules/observability/alarm-catalog.ts, keyed by these ids.
 */
export const ALARM_IDS = [
  "batch-failed-jobs",
  "batch-backlog-growth",
  "karpenter-interruption-depth",
  "karpenter-interruption-age",
  "eks-api-server-errors",
  "nat-port-allocation-errors",
  "nat-packet-drops",
  "nat-traffic-anomaly",
  "tgw-attachment-no-route-drops",
  "tgw-attachment-blackhole-drops",
  "tgw-attachment-traffic-anomaly",
  "state-bucket-4xx",
  "state-bucket-5xx",
] as const;
export type AlarmId = (typeof ALARM_IDS)[number];

/** A threshold as the alarms use it: value (band width in standard deviations for anomaly alarms), periods, period length. */
export interface AlarmThreshold {
  readonly threshold: number;
  readonly evaluationPeriods: number;
  readonly periodSeconds: number;
}

/** Documented defaults (docs/observability.md is generated from them). */
export const ALARM_DEFAULTS: Readonly<Record<AlarmId, AlarmThreshold>> = {
  "batch-failed-jobs": { threshold: 1, evaluationPeriods: 1, periodSeconds: 300 },
  // Entered RUNNABLE minus left it for STARTING, per period: 3 growing periods = a backlog at least 15 minutes old.
  "batch-backlog-growth": { threshold: 1, evaluationPeriods: 3, periodSeconds: 300 },
  "karpenter-interruption-depth": { threshold: 50, evaluationPeriods: 5, periodSeconds: 60 },
  // Karpenter acts on a Spot interruption within its 2-minute warning; older messages mean nobody reads them.
  "karpenter-interruption-age": { threshold: 120, evaluationPeriods: 5, periodSeconds: 60 },
  "eks-api-server-errors": { threshold: 20, evaluationPeriods: 3, periodSeconds: 300 },
  "nat-port-allocation-errors": { threshold: 1, evaluationPeriods: 1, periodSeconds: 300 },
  "nat-packet-drops": { threshold: 100, evaluationPeriods: 2, periodSeconds: 300 },
  "nat-traffic-anomaly": { threshold: 3, evaluationPeriods: 3, periodSeconds: 300 },
  "tgw-attachment-no-route-drops": { threshold: 100, evaluationPeriods: 2, periodSeconds: 300 },
  "tgw-attachment-blackhole-drops": { threshold: 1, evaluationPeriods: 1, periodSeconds: 300 },
  "tgw-attachment-traffic-anomaly": { threshold: 3, evaluationPeriods: 3, periodSeconds: 300 },
  "state-bucket-4xx": { threshold: 50, evaluationPeriods: 3, periodSeconds: 300 },
  "state-bucket-5xx": { threshold: 5, evaluationPeriods: 2, periodSeconds: 300 },
};
