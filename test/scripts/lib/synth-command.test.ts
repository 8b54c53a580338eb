import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runSynthCommand } from "../../../scripts/lib/synth-command";

/** The app's command on its environment; the corpus of bad org files is test/app/broken-orgs.test.ts's. */
describe("runSynthCommand", () => {
  const work = mkdtempSync(join(tmpdir(), "orgplat-synth-command-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const run = (env: NodeJS.ProcessEnv) => {
    const io = { stdout: "", stderr: "" };
    const status = runSynthCommand(
      env,
      { out: (t) => void (io.stdout += `${t}\n`), err: (t) => void (io.stderr += `${t}\n`) },
      join(__dirname, "..", "..", ".."),
    );
    return { status, ...io };
  };

  it("refuses a role that is not a purpose, naming the four, and writes nothing", () => {
    const outdir = join(work, "role", "cdktf.out");
    const result = run({ ORGPLAT_ROLE: "admin", ORGPLAT_ORG: "examples/org.yaml", CDKTF_OUTDIR: outdir });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'ORGPLAT_ROLE="admin" is not a role purpose; use one of plan, deploy, break-glass, session (plan is read-only, deploy applies, break-glass is the admin role, ' +
        "session assumes none: the caller's own credentials act)\nNothing was written.\n",
    );
    expect(existsSync(outdir)).toBe(false);
  });

  it("refuses an emulator endpoint that is not a base URL", () => {
    const outdir = join(work, "endpoint", "cdktf.out");
    const result = run({ ORGPLAT_AWS_ENDPOINT: "127.0.0.1:5000/x", ORGPLAT_ORG: "examples/org.yaml", CDKTF_OUTDIR: outdir });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('ORGPLAT_AWS_ENDPOINT="127.0.0.1:5000/x" is not a base URL');
    expect(existsSync(outdir)).toBe(false);
  });

  it("synthesizes for an emulator and says terraform needs the same URL as AWS_ENDPOINT_URL, unless it already has it", () => {
    const env = { ORGPLAT_AWS_ENDPOINT: "http://127.0.0.1:4599", ORGPLAT_ORG: "examples/org.yaml" };
    const told = run({ ...env, CDKTF_OUTDIR: join(work, "emulated", "cdktf.out") });
    expect(told.status).toBe(0);
    expect(told.stdout).toContain("run terraform with AWS_ENDPOINT_URL=http://127.0.0.1:4599");
    const ready = run({ ...env, AWS_ENDPOINT_URL: "http://127.0.0.1:4599", CDKTF_OUTDIR: join(work, "emulated-ready", "cdktf.out") });
    expect(ready.status).toBe(0);
    expect(ready.stdout).not.toContain("AWS_ENDPOINT_URL");
  });
});
