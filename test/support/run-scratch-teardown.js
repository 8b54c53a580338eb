const { rmSync } = require("node:fs");

/** jest globalTeardown: removes the run's scratch directory (run-scratch-setup.js). */
module.exports = () => {
  const dir = process.env.ORGPLAT_TEST_RUN_SCRATCH;
  if (dir) rmSync(dir, { recursive: true, force: true });
};
