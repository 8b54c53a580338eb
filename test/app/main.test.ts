import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { filesUnder } from "../support/files";
import { exampleOrgInput } from "../support/synth";

/**
 * The app as users run it: package.json's `synth:built` (the bundle with its code cache), which
 * `npm run synth` and cdktf.json both run after `npm run build`. `npm test` builds first, so dist/ is current.
 */
const ROOT = join(__dirname, "..", "..");
const packageJson = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
const [, ...SYNTH_ARGS] = packageJson.scripts["synth:built"].split(" ");

function runApp(env: NodeJS.ProcessEnv, args: readonly string[] = SYNTH_ARGS) {
  return spawnSync(process.execPath, [...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" });
}

describe("the synth app", () => {
  const work = mkdtempSync(join(tmpdir(), "orgplat-main-"));
  /** The bundled example org as users synthesize it, without AWS credentials: made once, read by two tests. */
  const bundled = join(work, "bundled", "cdktf.out");
  let run: ReturnType<typeof runApp>;
  // The committed setting (orgplat.json) names examples/org.yaml; said here so a team's own setting does not change these tests.
  beforeAll(() => void (run = runApp({ CDKTF_OUTDIR: bundled, AWS_ACCESS_KEY_ID: "", AWS_PROFILE: "", ORGPLAT_ORG: "examples/org.yaml" })));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("synthesizes every stack of the bundled example org without AWS credentials", () => {
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(bundled, "manifest.json"), "utf8"));
    expect(Object.keys(manifest.stacks)).toEqual(expect.arrayContaining(["bootstrap-network", "dev-us-east-1-network", "prod-ap-southeast-1-network"]));
    expect(run.stdout).toMatch(new RegExp(`^Synthesized ${Object.keys(manifest.stacks).length} stacks of org "example"`));
  });

  it("is what npm run synth and cdktf.json run, and writes what the plain compiled app writes", () => {
    expect(packageJson.scripts.synth).toBe("npm run build && npm run --silent synth:built");
    expect(JSON.parse(readFileSync(join(ROOT, "cdktf.json"), "utf8")).app).toBe("npm run --silent build && npm run --silent synth:built");
    expect(SYNTH_ARGS).toEqual(["--max-semi-space-size=64", "dist/scripts/synth.js"]);
    const plain = join(work, "plain", "cdktf.out");
    expect(run.status).toBe(0);
    expect(runApp({ CDKTF_OUTDIR: plain, ORGPLAT_ORG: "examples/org.yaml" }, [join(ROOT, "dist", "main.js")]).status).toBe(0);
    const files = filesUnder(bundled);
    expect(Object.keys(files)).toContain("manifest.json");
    expect(files).toEqual(filesUnder(plain));
  });

  it("reads the org from ORGPLAT_ORG (YAML or JSON)", () => {
    const org = exampleOrgInput();
    org.name = "acme";
    const file = join(work, "acme.json");
    writeFileSync(file, JSON.stringify(org));
    const outdir = join(work, "acme", "cdktf.out");
    expect(runApp({ ORGPLAT_ORG: file, CDKTF_OUTDIR: outdir }).status).toBe(0);
    const stack = JSON.parse(readFileSync(join(outdir, "stacks", "dev-us-east-1-network", "cdk.tf.json"), "utf8"));
    expect(stack.terraform.backend.s3.bucket).toBe("acme-tfstate-222222222222");
  });

  it("rejects a bad org file listing every problem, and leaves the previous output untouched", () => {
    const outdir = join(work, "bad", "cdktf.out");
    mkdirSync(join(outdir, "stacks", "keep-me"), { recursive: true });
    const file = join(work, "bad.yaml");
    writeFileSync(
      file,
      JSON.stringify({
        ...exampleOrgInput(),
        environments: { ...exampleOrgInput().environments, dev: { ...exampleOrgInput().environments.dev, workloadAccounts: ["nobody"] } },
      }),
    );
    const run = runApp({ ORGPLAT_ORG: file, CDKTF_OUTDIR: outdir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Invalid org config ${file} (1 problem):`);
    expect(run.stderr).toContain('environment "dev": environments.dev.workloadAccounts.0: account "nobody" is not in accounts');
    expect(run.stderr).toContain("Nothing was written.");
    expect(readdirSync(join(outdir, "stacks"))).toEqual(["keep-me"]);
    expect(readdirSync(join(work, "bad"))).toEqual(["cdktf.out"]);
  });

  it("synthesizes the org named by orgplat.json, and without a setting names both ways to give one", () => {
    const project = join(work, "project");
    mkdirSync(project, { recursive: true });
    const app = join(ROOT, "dist", "scripts", "synth.js");
    const bare = spawnSync(process.execPath, [app], { cwd: project, env: { ...process.env, ORGPLAT_ORG: "" }, encoding: "utf8" });
    expect(bare.status).toBe(1);
    expect(bare.stderr).toContain("No org file is set");
    expect(bare.stderr).toContain("orgplat.json at the project root");
    expect(bare.stderr).toContain("ORGPLAT_ORG=./my-org.yaml npm run synth");
    expect(existsSync(join(project, "cdktf.out"))).toBe(false);

    const org = exampleOrgInput();
    org.name = "fromsetting";
    writeFileSync(join(project, "acme.json"), JSON.stringify(org));
    writeFileSync(join(project, "orgplat.json"), JSON.stringify({ org: "acme.json" }));
    const run = spawnSync(process.execPath, [app], { cwd: project, env: { ...process.env, ORGPLAT_ORG: "" }, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/stacks of org "fromsetting"/);
  });

  it("writes nothing at all when the first synth fails", () => {
    const outdir = join(work, "fresh", "cdktf.out");
    const run = runApp({ ORGPLAT_ORG: join(work, "missing.yaml"), CDKTF_OUTDIR: outdir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cannot read the file/);
    expect(existsSync(outdir)).toBe(false);
  });
});
