import { ALARM_DEFAULTS, ALARM_IDS } from "../../../planning/alarm-defaults";
import { alarmsOfRule, COMPOSITE_ALARMS, METRIC_ALARMS } from "../../../modules/observability/alarm-catalog";
import { KNOWN_METRICS } from "./known-metrics";

describe("alarm catalog", () => {
  it("defines every configurable alarm id exactly once, each with a default threshold", () => {
    expect(METRIC_ALARMS.map((d) => d.id).sort()).toEqual([...ALARM_IDS].sort());
    for (const id of ALARM_IDS) expect(ALARM_DEFAULTS[id].evaluationPeriods).toBeGreaterThanOrEqual(1);
  });

  it.each(METRIC_ALARMS.flatMap((d) => d.metrics.map((m) => [d.id, m] as const)))(
    "%s watches a metric AWS publishes with exactly those dimensions",
    (_id, metric) => {
      const dimensionSets = KNOWN_METRICS[metric.namespace]?.[metric.metricName];
      expect(dimensionSets).toBeDefined();
      expect(dimensionSets!.map((set) => [...set].sort().join(","))).toContain(Object.keys(metric.dimensions).sort().join(","));
    },
  );

  it("gives expression alarms an expression over their own metric ids, and anomaly alarms exactly one metric", () => {
    for (const d of METRIC_ALARMS.filter((a) => a.kind === "expression")) {
      const used = [...d.expression!.matchAll(/\b([a-z][a-zA-Z0-9_]*)\b(?!\s*\()/g)].map((m) => m[1]);
      expect(used.sort()).toEqual(d.metrics.map((m) => m.id).sort());
    }
    for (const d of METRIC_ALARMS.filter((a) => a.kind === "anomaly")) expect(d.metrics).toHaveLength(1);
  });

  it("builds each composite from signals of its own subject that do not page on their own", () => {
    for (const composite of COMPOSITE_ALARMS) {
      const signals = alarmsOfRule(composite.rule).map((id) => METRIC_ALARMS.find((d) => d.id === id));
      expect(signals.length).toBeGreaterThanOrEqual(2);
      for (const signal of signals) {
        expect(signal?.subject).toBe(composite.subject);
        expect(signal?.pages).toBe(false);
      }
    }
  });

  it("says what every alarm means and what the on-call engineer does first", () => {
    for (const d of [...METRIC_ALARMS, ...COMPOSITE_ALARMS]) {
      expect(d.meaning.length).toBeGreaterThan(20);
      expect(d.firstAction.length).toBeGreaterThan(20);
    }
  });
});
