import { CloudwatchMetricAlarm, type CloudwatchMetricAlarmMetricQuery } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Construct } from "constructs";
import type { AlarmThreshold } from "../../planning/alarm-defaults";
import type { MetricAlarmDefinition, MetricRef } from "./alarm-catalog";
import type { WatchedResource } from "./watched-resource";

export interface PlatformMetricAlarmProps {
  readonly definition: MetricAlarmDefinition;
  readonly resource: WatchedResource;
  readonly threshold: AlarmThreshold;
  readonly alarmName: string;
  /**
   * Topic ARNs notified on ALARM and OK; only alarms that page on their own get any.
   * @default []
   */
  readonly actions?: readonly string[];
}

/** The dimensions of `metric` for `resource`, by the catalog's attribute mapping. */
export function dimensionsOf(metric: MetricRef, resource: WatchedResource): Record<string, string> {
  return Object.fromEntries(
    Object.entries(metric.dimensions).map(([name, attribute]) => {
      const value = resource.attributes[attribute];
      if (value === undefined)
        throw new Error(
          `${resource.subject} "${resource.label}" has no attribute "${attribute}" for dimension ${name} of ${metric.namespace}/${metric.metricName}`,
        );
      return [name, value];
    }),
  );
}

/**
 * One metric alarm of the catalog on one resource: a plain threshold, a metric-math expression,
 * or an anomaly band. Missing data is not breaching: these metrics are only published on activity.
 */
export class PlatformMetricAlarm extends Construct {
  public readonly alarm: CloudwatchMetricAlarm;
  /** The alarm's name as configured (known at synth, unlike `alarm.alarmName`, a token). */
  public readonly alarmName: string;

  constructor(scope: Construct, id: string, props: PlatformMetricAlarmProps) {
    super(scope, id);
    this.alarmName = props.alarmName;
    const { definition, resource, threshold } = props;
    const period = threshold.periodSeconds;
    const queries: CloudwatchMetricAlarmMetricQuery[] = definition.metrics.map((m) => ({
      id: m.id,
      returnData: definition.kind === "anomaly",
      metric: { namespace: m.namespace, metricName: m.metricName, stat: m.statistic, period, dimensions: dimensionsOf(m, resource) },
    }));
    const common = {
      alarmName: props.alarmName,
      alarmDescription: `${definition.meaning} First: ${definition.firstAction}`,
      evaluationPeriods: threshold.evaluationPeriods,
      treatMissingData: "notBreaching",
      alarmActions: [...(props.actions ?? [])],
      okActions: [...(props.actions ?? [])],
    };
    if (definition.kind === "anomaly") {
      this.alarm = new CloudwatchMetricAlarm(this, "alarm", {
        ...common,
        comparisonOperator: "GreaterThanUpperThreshold",
        thresholdMetricId: "band",
        metricQuery: [
          ...queries,
          { id: "band", expression: `ANOMALY_DETECTION_BAND(${definition.metrics[0].id}, ${threshold.threshold})`, label: "expected", returnData: true },
        ],
      });
    } else if (definition.kind === "expression") {
      this.alarm = new CloudwatchMetricAlarm(this, "alarm", {
        ...common,
        comparisonOperator: definition.comparison,
        threshold: threshold.threshold,
        metricQuery: [...queries, { id: "result", expression: definition.expression!, label: definition.id, returnData: true }],
      });
    } else {
      const [metric] = definition.metrics;
      this.alarm = new CloudwatchMetricAlarm(this, "alarm", {
        ...common,
        comparisonOperator: definition.comparison,
        threshold: threshold.threshold,
        namespace: metric.namespace,
        metricName: metric.metricName,
        statistic: metric.statistic,
        period,
        dimensions: dimensionsOf(metric, resource),
      });
    }
  }
}
