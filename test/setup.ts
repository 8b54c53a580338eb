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
