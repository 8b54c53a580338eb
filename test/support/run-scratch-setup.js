const { mkdtempSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

/**
 * jest globalSetup: one scratch directory per run, shared by every worker (workers inherit this
 * environment), for what several test files would otherwise build alike (`synthesizeExample`).
 * run-scratch-teardown.js removes it when the run ends.
 */
module.exports = () => {
  process.env.ORGPLAT_TEST_RUN_SCRATCH = mkdtempSync(join(tmpdir(), "orgplat-test-run-"));
};
