import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exampleOrg } from "../environments/example-org";
import { scaledOrg } from "./scaled-org";

/**
 * Prints synth figures side by side: the precompiled app on the bundled org, the same app
 * synthesized the conventional way (cdktf synth + ts-node with type-checking), the floor
 * (loading cdktf alone) and a 10x org for the growth ratio. Figures only: nothing asserts.
 */
const ROOT = join(__dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "orgplat-bench-"));

interface Measurement {
  readonly label: string;
  readonly wallMs: number;
  readonly peakRssMb: number;
  readonly stacks?: number;
  readonly resources?: number;
}

function measure(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}, outdir?: string): Measurement {
  const timeFile = join(work, "time.txt");
  const start = process.hrtime.bigint();
  const run = spawnSync("/usr/bin/time", ["-f", "%M", "-o", timeFile, command, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: "utf8" });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${label} failed:\n${run.stderr}\n${run.stdout}`);
  const peakRssMb = Number(readFileSync(timeFile, "utf8").trim().split("\n").pop()) / 1024;
  return { label, wallMs, peakRssMb, ...(outdir ? countOutput(outdir) : {}) };
}

function countOutput(outdir: string): { stacks: number; resources: number } {
  const stacks = readdirSync(join(outdir, "stacks"));
  let resources = 0;
  for (const stack of stacks) {
    const json = JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")) as { resource?: Record<string, Record<string, unknown>> };
    resources += Object.values(json.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
  }
  return { stacks: stacks.length, resources };
}

function best(runs: number, take: () => Measurement): Measurement {
  const all = Array.from({ length: runs }, take);
  return all.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
}

function main(): void {
  const node = process.execPath;
  const outdir = (name: string) => join(work, name, "cdktf.out");
  const scaledFile = join(work, "scaled-org.json");
  writeFileSync(scaledFile, JSON.stringify(scaledOrg(exampleOrg, 10)));

  const floor = best(3, () => measure("floor: node -e require('cdktf')", node, ["-e", "require('cdktf')"]));
  const app = best(3, () => measure("precompiled app, bundled org", node, ["dist/main.js"], { CDKTF_OUTDIR: outdir("app") }, outdir("app")));
  const scaled = best(3, () => measure("precompiled app, org x10", node, ["dist/main.js"], { CDKTF_OUTDIR: outdir("scaled"), ORGPLAT_ORG: scaledFile }, outdir("scaled")));
  const conventional = measure(
    "conventional: cdktf synth, ts-node with type-checking",
    join(ROOT, "node_modules", ".bin", "cdktf"),
    ["synth", "--app", `${join(ROOT, "node_modules", ".bin", "ts-node")} main.ts`, "--output", outdir("conventional")],
    { CHECKPOINT_DISABLE: "1", CDKTF_DISABLE_PLUGIN_CACHE_ENV: "1", DISABLE_VERSION_CHECK: "true" },
    outdir("conventional"),
  );

  const rows = [floor, app, conventional, scaled];
  console.log("| run | wall (s) | peak RSS (MB) | stacks | resources |");
  console.log("|---|---:|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.label} | ${(r.wallMs / 1000).toFixed(2)} | ${r.peakRssMb.toFixed(0)} | ${r.stacks ?? ""} | ${r.resources ?? ""} |`);
  console.log("");
  console.log(`speed-up of the precompiled app over the conventional way: ${(conventional.wallMs / app.wallMs).toFixed(1)}x`);
  console.log(
    `growth: ${(scaled.resources! / app.resources!).toFixed(1)}x resources took ${(scaled.wallMs / app.wallMs).toFixed(1)}x time ` +
      `(${((scaled.wallMs - floor.wallMs) / (app.wallMs - floor.wallMs)).toFixed(1)}x above the floor)`,
  );
  rmSync(work, { recursive: true, force: true });
}

main();
