import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { terraformCli, terraformCliAsync } from "../../../scripts/lib/terraform-cli";

/** A stand-in `terraform` on PATH that prints its arguments, directory and automation settings. */
const bin = mkdtempSync(join(tmpdir(), "orgplat-fake-terraform-"));
writeFileSync(
  join(bin, "terraform"),
  [
    "#!/bin/sh",
    'echo "args=$* dir=$(basename "$PWD") automation=$TF_IN_AUTOMATION input=$TF_INPUT"',
    'echo "to stderr" >&2',
    '[ "$1" = sleep ] && exec sleep "$2"',
    '[ "$1" = fail ] && exit 3',
    "exit 0",
    "",
  ].join("\n"),
);
chmodSync(join(bin, "terraform"), 0o755);
const env = { ...process.env, PATH: `${bin}:${process.env.PATH}` };
afterAll(() => rmSync(bin, { recursive: true, force: true }));

describe("terraformCliAsync runs terraform as terraformCli does, without blocking", () => {
  it("gives the same result as the blocking runner: output, exit code, non-interactive environment", async () => {
    for (const args of [["plan", "-no-color"], ["fail"]]) {
      expect(await terraformCliAsync(env)(bin, args)).toEqual(terraformCli(env)(bin, args));
    }
    expect(await terraformCliAsync(env)(bin, ["fail"])).toEqual({
      code: 3,
      stdout: `args=fail dir=${bin.split("/").pop()} automation=1 input=0\n`,
      stderr: "to stderr\n",
    });
  });

  it("runs commands side by side", async () => {
    const started = Date.now();
    const results = await Promise.all([terraformCliAsync(env)(bin, ["sleep", "2"]), terraformCliAsync(env)(bin, ["sleep", "2"])]);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    // One after the other they would take 4 s.
    expect(Date.now() - started).toBeLessThan(3_900);
  });

  it("kills a command at the limit and says so", async () => {
    const started = Date.now();
    const result = await terraformCliAsync(env, 1_500)(bin, ["sleep", "30"]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.code).toBe(124);
    expect(result.stderr).toMatch(/^terraform sleep 30 did not finish within 0\.025 min in /);
  });

  it("reports a terraform it cannot start instead of throwing", async () => {
    const result = await terraformCliAsync({ ...process.env, PATH: "/nonexistent" })(bin, ["version"]);
    expect(result.code).toBe(127);
    expect(result.stderr).toMatch(/^cannot run terraform: /);
  });
});
