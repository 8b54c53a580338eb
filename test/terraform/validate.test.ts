import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { loadOrg } from "../../environments/load";
import { synthesizeOrg } from "../../stacks/synthesize";
import { readSynthesized, type SynthesizedStack } from "../support/synthesized";
import { writeCliConfig } from "../support/terraform";
import { describeWithTooling, mirrorHasProvider } from "../support/tooling";

const workDir = mkdtempSync(join(tmpdir(), "orgplat-validate-"));
const outdir = join(workDir, "cdktf.out");
synthesizeOrg(loadOrg(), {}, outdir);
const stacks = readSynthesized(outdir);
const validatable = stacks.filter((s) => s.providers.every((p) => mirrorHasProvider(p)));
const notInMirror = stacks.filter((s) => !validatable.includes(s));

/** `terraform init -backend=false` (unless `initialized`) `&& terraform validate`, asynchronously, for a pool. */
function validate(stack: SynthesizedStack, cliConfig: string, initialized = false): Promise<string> {
  return new Promise((resolve) => {
    const env = { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" };
    const init = initialized ? "" : "terraform init -backend=false -input=false -no-color >/dev/null && ";
    const child = spawn("sh", ["-c", `${init}terraform validate -no-color`], { cwd: stack.dir, env });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 240_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve(code === 0 ? "ok" : `exit ${code}:\n${output}`);
    });
  });
}

/**
 * Validates every stack with one `terraform init`: the stacks pin the same providers, so the
 * first stack's providers directory and lock file serve the others (validate needs no backend).
 * A stack they do not serve (validate asks for init) is initialized on its own.
 */
async function validateAll(cliConfig: string): Promise<Map<string, string>> {
  const results = new Map<string, string>();
  const [first, ...rest] = validatable;
  results.set(first.name, await validate(first, cliConfig));
  const queue = [...rest];
  const worker = async (): Promise<void> => {
    for (let stack = queue.shift(); stack; stack = queue.shift()) {
      symlinkSync(join(first.dir, ".terraform"), join(stack.dir, ".terraform"));
      copyFileSync(join(first.dir, ".terraform.lock.hcl"), join(stack.dir, ".terraform.lock.hcl"));
      let result = await validate(stack, cliConfig, true);
      if (result !== "ok" && /terraform init/.test(result)) {
        rmSync(join(stack.dir, ".terraform"), { force: true });
        result = await validate(stack, cliConfig);
      }
      results.set(stack.name, result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, cpus().length) }, worker));
  return results;
}

describeWithTooling({ moto: false })("terraform validate on every synthesized stack", () => {
  let results = new Map<string, string>();

  beforeAll(async () => {
    const cliConfig = writeCliConfig(workDir);
    if (!validatable.length) return;
    results = await validateAll(cliConfig);
    if (notInMirror.length) {
      console.log(`Not validated (providers missing from the mirror): ${notInMirror.map((s) => `${s.name} [${s.providers.join(", ")}]`).join("; ")}`);
    }
  }, 30 * 60_000);

  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it("covers every stack that uses only the AWS provider", () => {
    expect(validatable.map((s) => s.name)).toEqual(stacks.filter((s) => s.providers.every((p) => p === "aws")).map((s) => s.name));
    expect(validatable.length).toBeGreaterThan(0);
  });

  it.each(validatable.map((s) => s.name))("%s is valid", (name) => {
    expect(results.get(name)).toBe("ok");
  });
});
