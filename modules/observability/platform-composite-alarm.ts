import { CloudwatchCompositeAlarm } from "@cdktf/provider-aws/lib/cloudwatch-composite-alarm";
import { Construct } from "constructs";
import type { AlarmId } from "../../planning/alarm-defaults";
import type { CompositeAlarmDefinition } from "./alarm-catalog";
import type { PlatformMetricAlarm } from "./platform-metric-alarm";

export interface PlatformCompositeAlarmProps {
  readonly definition: CompositeAlarmDefinition;
  readonly alarmName: string;
  /** The metric alarms of the same resource, by catalog id: the rule names them. */
  readonly signals: Readonly<Partial<Record<AlarmId, PlatformMetricAlarm>>>;
  /** Topic ARNs notified on ALARM and OK. */
  readonly actions: readonly string[];
}

/** A composite alarm of the catalog on one resource: pages only when its signals agree. */
export class PlatformCompositeAlarm extends Construct {
  public readonly alarm: CloudwatchCompositeAlarm;

  constructor(scope: Construct, id: string, props: PlatformCompositeAlarmProps) {
    super(scope, id);
    const stateOf = (alarmId: AlarmId): string => {
      const signal = props.signals[alarmId];
      if (!signal) throw new Error(`composite alarm ${props.alarmName} names ${alarmId}, which this resource has no alarm for`);
      // The name as written (not the attribute's token) keeps the rule readable in the plan and the alarm console.
      return `ALARM("${signal.alarmName}")`;
    };
    const rule = props.definition.rule.all.map((term) => (typeof term === "string" ? stateOf(term) : `(${term.any.map(stateOf).join(" OR ")})`)).join(" AND ");
    this.alarm = new CloudwatchCompositeAlarm(this, "alarm", {
      alarmName: props.alarmName,
      alarmDescription: `${props.definition.meaning} First: ${props.definition.firstAction}`,
      alarmRule: rule,
      alarmActions: [...props.actions],
      okActions: [...props.actions],
      // The composite is created after its signals: CloudWatch refuses a rule naming an alarm that does not exist.
      dependsOn: Object.values(props.signals).flatMap((s) => (s ? [s.alarm] : [])),
    });
  }
}
