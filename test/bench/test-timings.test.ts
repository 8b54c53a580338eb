import { testTimingLines } from "../../bench/test-timings";

describe("the test durations npm run bench prints", () => {
  it("gives the unit, the full-suite and the .ci/run figures with wall and CPU seconds, the date and the machine", () => {
    const lines = testTimingLines({
      measuredAt: "2026-12-01T07:00:00.000Z",
      machine: "2 cores, load average 1.0 1.0 1.0 at the end",
      unit: { wallSeconds: 58.4, cpuSeconds: 101.2, passed: 784, failed: 0 },
      full: { wallSeconds: 1500, cpuSeconds: 2100, passed: 900, failed: 1 },
      ci: { measuredAt: "2026-12-01T09:00:00.000Z", wallSeconds: 1400.2, cpuSeconds: 2500, passed: 900, failed: 0 },
    });
    expect(lines).toEqual([
      "test durations (npm run bench:tests, 2026-12-01T07:00:00.000Z, 2 cores, load average 1.0 1.0 1.0 at the end):",
      "  npm run test:unit (build included): 58 s wall, 101 s CPU, 784 passed, 0 failed",
      "  npm test (what .ci/run runs after npm ci and the lint): 1500 s wall, 2100 s CPU, 900 passed, 1 failed",
      "  .ci/run on a clean clone, CI=true (2026-12-01T09:00:00.000Z): 1400 s wall, 2500 s CPU, 900 passed, 0 failed",
    ]);
  });

  it("says what was not measured yet and how to measure it", () => {
    expect(testTimingLines({ measuredAt: "2026-12-01", machine: "2 cores", unit: { wallSeconds: 60 } })[2]).toBe(
      "  npm test (what .ci/run runs after npm ci and the lint): not measured yet",
    );
    expect(testTimingLines({ measuredAt: "2026-12-01", machine: "2 cores" })[3]).toBe("  .ci/run on a clean clone, CI=true: not measured yet");
    expect(testTimingLines(undefined)).toEqual(["test durations: not measured yet (npm run bench:tests [-- --full])"]);
  });
});
