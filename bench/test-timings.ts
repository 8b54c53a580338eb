import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The test durations `npm run bench:tests` last measured, kept in bench/test-timings.json so that
 * `npm run bench` can print them beside the synth figures without running the suites again (the
 * full run takes most of an hour on 2 cores).
 */
export interface TestTiming {
  readonly wallSeconds: number;
  /** User + system CPU of the run and its children, when /usr/bin/time could measure it. */
  readonly cpuSeconds?: number;
  readonly passed?: number;
  readonly failed?: number;
}

export interface TestTimings {
  /** ISO date of the measurement. */
  readonly measuredAt: string;
  /** Cores and load average when measured: on a shared machine wall seconds drift, CPU seconds much less. */
  readonly machine: string;
  /** `npm run test:unit`, build included. */
  readonly unit?: TestTiming;
  /** `npm test` (build included), as `.ci/run` runs it after `npm ci` and the lint. */
  readonly full?: TestTiming;
  /**
   * `.ci/run` itself on a clean clone with CI=true, the figure the CI time limits are about. Copied
   * from its closing lines (it runs in a throw-away clone, so it cannot record itself here).
   */
  readonly ci?: TestTiming & { readonly measuredAt: string };
}

const FILE = join(__dirname, "..", "..", "bench", "test-timings.json");

export function readTestTimings(): TestTimings | undefined {
  return existsSync(FILE) ? (JSON.parse(readFileSync(FILE, "utf8")) as TestTimings) : undefined;
}

/** Records new figures, keeping the full-run and `.ci/run` figures of an earlier measurement when this one has none. */
export function writeTestTimings(timings: TestTimings): void {
  const previous = readTestTimings();
  writeFileSync(FILE, `${JSON.stringify({ ...timings, full: timings.full ?? previous?.full, ci: timings.ci ?? previous?.ci }, null, 2)}\n`);
}

function describeTiming(t: TestTiming | undefined): string {
  if (!t) return "not measured yet";
  const cpu = t.cpuSeconds === undefined ? "" : `, ${t.cpuSeconds.toFixed(0)} s CPU`;
  const counts = t.passed === undefined ? "" : `, ${t.passed} passed, ${t.failed ?? 0} failed`;
  return `${t.wallSeconds.toFixed(0)} s wall${cpu}${counts}`;
}

/** Lines for the bench report: the unit and the full-suite durations and where they were measured. */
export function testTimingLines(timings: TestTimings | undefined): string[] {
  if (!timings) return ["test durations: not measured yet (npm run bench:tests [-- --full])"];
  return [
    `test durations (npm run bench:tests, ${timings.measuredAt}, ${timings.machine}):`,
    `  npm run test:unit (build included): ${describeTiming(timings.unit)}`,
    `  npm test (what .ci/run runs after npm ci and the lint): ${describeTiming(timings.full)}`,
    `  .ci/run on a clean clone, CI=true${timings.ci ? ` (${timings.ci.measuredAt})` : ""}: ${describeTiming(timings.ci)}`,
  ];
}
