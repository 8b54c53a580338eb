import { CloudwatchDashboard } from "@cdktf/provider-aws/lib/cloudwatch-dashboard";
import { Construct } from "constructs";
import { COMPOSITE_ALARMS, METRIC_ALARMS, type MetricAlarmDefinition } from "./alarm-catalog";
import { dimensionsOf } from "./platform-metric-alarm";
import type { WatchedResource } from "./watched-resource";

export interface EnvironmentDashboardProps {
  /** Dashboard name, e.g. "dev". */
  readonly name: string;
  /** Every resource the environment's alarms watch, in every account and region. */
  readonly resources: readonly WatchedResource[];
  /**
   * Metric alarm definitions to draw.
   * @default METRIC_ALARMS
   */
  readonly definitions?: readonly MetricAlarmDefinition[];
}

type MetricLine = (string | Record<string, string | number>)[];

/** One graph per alarm definition and region, a line per watched resource, each metric in its own account. */
export function dashboardBody(resources: readonly WatchedResource[], definitions: readonly MetricAlarmDefinition[]): { widgets: Record<string, unknown>[] } {
  const widgets: Record<string, unknown>[] = [
    {
      type: "text",
      width: 24,
      height: 2,
      properties: {
        markdown: `Signals of the platform's alarms (${definitions.length} kinds; ${COMPOSITE_ALARMS.length} composites page when they agree). Runbook: docs/observability.md.`,
      },
    },
  ];
  const regions = [...new Set(resources.map((r) => r.region))];
  for (const definition of definitions) {
    for (const region of regions) {
      const watched = resources.filter((r) => r.subject === definition.subject && r.region === region);
      if (!watched.length) continue;
      const metrics: MetricLine[] = watched.flatMap((resource) =>
        definition.metrics.map((m) => [
          m.namespace,
          m.metricName,
          ...Object.entries(dimensionsOf(m, resource)).flat(),
          { accountId: resource.accountId, region, stat: m.statistic, label: `${resource.label} ${m.id}` },
        ]),
      );
      widgets.push({ type: "metric", width: 12, height: 6, properties: { title: `${definition.id} (${region})`, region, view: "timeSeries", metrics } });
    }
  }
  return { widgets };
}

/** A CloudWatch dashboard of one environment, drawn from the same catalog as its alarms. */
export class EnvironmentDashboard extends Construct {
  public readonly dashboard: CloudwatchDashboard;

  constructor(scope: Construct, id: string, props: EnvironmentDashboardProps) {
    super(scope, id);
    this.dashboard = new CloudwatchDashboard(this, "dashboard", {
      dashboardName: props.name,
      dashboardBody: JSON.stringify(dashboardBody(props.resources, props.definitions ?? METRIC_ALARMS)),
    });
  }
}
