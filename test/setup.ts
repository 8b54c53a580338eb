import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import "cdktf/lib/testing/adapters/jest";
import { Testing } from "cdktf";
import { skipTokenTraces } from "./support/token-traces";

// cdktf's own matchers: toHaveResource, toHaveResourceWithProperties, toBeValidTerraform...
Testing.setupJest();

// The token creation traces cdktf records are most of a synth's CPU under jest (see the helper).
skipTokenTraces();

// Testing.app() (and Testing.synthScope(), which calls it) leaves a cdktf.outdir.* directory in the
// system tmp on every call, hundreds a run: give each test file's apps one tmp, removed after the file.
const appsTmp = mkdtempSync(join(tmpdir(), "orgplat-test-apps-"));
const testingApp = Testing.app.bind(Testing);
jest.spyOn(Testing, "app").mockImplementation((options = {}) => testingApp({ outdir: mkdtempSync(join(appsTmp, "app-")), ...options }));
afterAll(() => rmSync(appsTmp, { recursive: true, force: true }));

// Go's collector, for the terraform and provider processes the tests start (they inherit this
// environment): off until a process holds 1 GiB. A terraform command's CPU is mostly decoding the
// aws provider's schema (~1,500 resource types) in every process; measured on the end-to-end files
// under full load, 1,325 → 1,154 CPU-s of terraform (docs/testing.md). Set either variable to keep your own.
if (process.env.GOGC === undefined && process.env.GOMEMLIMIT === undefined) {
  process.env.GOGC = "off";
  process.env.GOMEMLIMIT = "1GiB";
}
