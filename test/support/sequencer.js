const Sequencer = require("@jest/test-sequencer").default;

/**
 * The real-Terraform files, longest first. On a clean clone jest has no timings and orders by file
 * size, which started the longest file (the org e2e, a short file) last and left one worker idle
 * at the end. A file not listed here (a new e2e scenario) runs after these, before the unit tests.
 */
const SLOWEST_FIRST = [
  "/e2e/batch-blue-green.e2e.test.ts",
  "/e2e/org.e2e.test.ts",
  "/e2e/network-account.e2e.test.ts",
  "/e2e/batch-replacement.e2e.test.ts",
  "/e2e/observability-alarms.e2e.test.ts",
  "/e2e/eks-cluster.e2e.test.ts",
  "/e2e/observability-logs.e2e.test.ts",
  "/terraform/validate.test.ts",
  "/e2e/cdktf-cli.e2e.test.ts",
];

function rank(path) {
  const listed = SLOWEST_FIRST.findIndex((suffix) => path.endsWith(suffix));
  if (listed >= 0) return listed;
  return /\/(e2e|terraform)\//.test(path) ? SLOWEST_FIRST.length : SLOWEST_FIRST.length + 1;
}

/** Real-Terraform files first (see SLOWEST_FIRST), then jest's own order: failed first, then by last duration or size. */
class SlowestFirstSequencer extends Sequencer {
  sort(tests) {
    const byJest = super.sort(tests);
    return byJest
      .map((test, index) => ({ test, index }))
      .sort((a, b) => rank(a.test.path) - rank(b.test.path) || a.index - b.index)
      .map(({ test }) => test);
  }
}

module.exports = SlowestFirstSequencer;
