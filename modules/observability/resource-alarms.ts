import type { CloudwatchCompositeAlarm } from "@cdktf/provider-aws/lib/cloudwatch-composite-alarm";
import type { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import { Construct } from "constructs";
import type { AlarmId, AlarmThreshold } from "../../planning/alarm-defaults";
import { alarmsOfRule, COMPOSITE_ALARMS, METRIC_ALARMS, type CompositeAlarmDefinition, type MetricAlarmDefinition } from "./alarm-catalog";
import { PlatformCompositeAlarm } from "./platform-composite-alarm";
import { PlatformMetricAlarm } from "./platform-metric-alarm";
import type { WatchedResource } from "./watched-resource";

export interface ResourceAlarmsProps {
  /** Resources to watch; each gets every catalog alarm of its subject. */
  readonly resources: readonly WatchedResource[];
  readonly thresholds: Readonly<Record<AlarmId, AlarmThreshold>>;
  /** Prefix of every alarm name, e.g. "dev-us-east-1". */
  readonly namePrefix: string;
  /** Topic ARN that paging alarms (composites, and metric alarms that page on their own) notify. */
  readonly pageTopicArn: string;
  /**
   * The catalog; tests pass a part of it.
   * @default METRIC_ALARMS and COMPOSITE_ALARMS
   */
  readonly catalog?: { readonly metric: readonly MetricAlarmDefinition[]; readonly composite: readonly CompositeAlarmDefinition[] };
}

/** Alarm name of catalog entry `id` on `resource`: "<prefix>-<id>-<label>". */
export function alarmNameOf(namePrefix: string, id: string, resource: WatchedResource): string {
  return `${namePrefix}-${id}-${resource.label}`;
}

/**
 * The catalog's alarms on a set of resources: the metric alarms of each resource's subject, then the
 * composites over them. Only composites and metric alarms marked `pages` notify the topic; the other
 * metric alarms are signals, visible on the dashboard, that page only when a composite agrees.
 */
export class ResourceAlarms extends Construct {
  public readonly metricAlarms: readonly CloudwatchMetricAlarm[];
  public readonly compositeAlarms: readonly CloudwatchCompositeAlarm[];

  constructor(scope: Construct, id: string, props: ResourceAlarmsProps) {
    super(scope, id);
    const catalog = props.catalog ?? { metric: METRIC_ALARMS, composite: COMPOSITE_ALARMS };
    const metricAlarms: CloudwatchMetricAlarm[] = [];
    const compositeAlarms: CloudwatchCompositeAlarm[] = [];
    for (const resource of props.resources) {
      const signals: Partial<Record<AlarmId, PlatformMetricAlarm>> = {};
      for (const definition of catalog.metric.filter((d) => d.subject === resource.subject)) {
        const signal = new PlatformMetricAlarm(this, `${definition.id}-${resource.label}`, {
          definition,
          resource,
          threshold: props.thresholds[definition.id],
          alarmName: alarmNameOf(props.namePrefix, definition.id, resource),
          actions: definition.pages ? [props.pageTopicArn] : [],
        });
        signals[definition.id] = signal;
        metricAlarms.push(signal.alarm);
      }
      for (const definition of catalog.composite.filter((d) => d.subject === resource.subject && alarmsOfRule(d.rule).every((a) => signals[a]))) {
        compositeAlarms.push(
          new PlatformCompositeAlarm(this, `${definition.id}-${resource.label}`, {
            definition,
            alarmName: alarmNameOf(props.namePrefix, definition.id, resource),
            signals,
            actions: [props.pageTopicArn],
          }).alarm,
        );
      }
    }
    this.metricAlarms = metricAlarms;
    this.compositeAlarms = compositeAlarms;
  }
}
