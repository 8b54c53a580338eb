import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exampleOrg } from "../environments/example-org";
import { scaledOrg } from "./scaled-org";
import { readTestTimings, testTimingLines } from "./test-timings";

/**
 * Prints synth figures side by side: the app as `npm run synth` and cdktf.json run it (the
 * bundle with its code cache: first run without a cache, then warm), the plain tsc output,
 * the same app synthesized the conventional way (cdktf synth + ts-node with type-checking),
 * the floor (loading cdktf alone), and generated orgs of 1.5x (over 1,500 resources) and 10x
 * the environments for the growth ratio. Best and median of several runs: the shared 2-core
 * machine's speed drifts by a quarter from minute to minute. Figures only: nothing asserts.
 */
const ROOT = join(__dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "orgplat-bench-"));

interface Measurement {
  readonly label: string;
  readonly wallMs: number;
  readonly medianMs?: number;
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
  const sorted = all.map((m) => m.wallMs).sort((a, b) => a - b);
  return { ...all.reduce((a, b) => (b.wallMs < a.wallMs ? b : a)), medianMs: sorted[Math.floor(sorted.length / 2)] };
}

/** Drops the code caches `npm run synth` keeps beside its bundle, so the next run compiles from source. */
function dropCodeCaches(): void {
  const dist = join(ROOT, "dist");
  for (const file of readdirSync(dist)) if (file.endsWith(".v8cache")) rmSync(join(dist, file));
}

function main(): void {
  const node = process.execPath;
  const outdir = (name: string) => join(work, name, "cdktf.out");
  const orgFile = (factor: number) => {
    const file = join(work, `org-x${factor}.json`);
    writeFileSync(file, JSON.stringify(scaledOrg(exampleOrg, factor)));
    return file;
  };
  // The command `npm run synth` and cdktf.json run once built (node with its V8 flags), without npm's own start-up.
  const [, ...synthArgs] = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts["synth:built"].split(
    " ",
  );
  const synth = (label: string, name: string, env: NodeJS.ProcessEnv = {}) =>
    measure(label, node, synthArgs, { CDKTF_OUTDIR: outdir(name), ...env }, outdir(name));

  const floor = best(5, () => measure("floor: node -e require('cdktf')", node, ["-e", "require('cdktf')"]));
  dropCodeCaches();
  const cold = synth("app (npm run synth), bundled org, first run: no code cache yet", "cold");
  const app = best(7, () => synth("app (npm run synth), bundled org", "app"));
  const plain = best(5, () =>
    measure("plain tsc output (node dist/main.js), bundled org", node, ["dist/main.js"], { CDKTF_OUTDIR: outdir("plain") }, outdir("plain")),
  );
  const large = orgFile(1.5);
  const over1500 = best(7, () => synth("app, org x1.5", "x1.5", { ORGPLAT_ORG: large }));
  const tenfold = orgFile(10);
  const scaled = best(3, () => synth("app, org x10", "x10", { ORGPLAT_ORG: tenfold }));
  const conventional = measure(
    "conventional: cdktf synth, ts-node with type-checking",
    join(ROOT, "node_modules", ".bin", "cdktf"),
    ["synth", "--app", `${join(ROOT, "node_modules", ".bin", "ts-node")} main.ts`, "--output", outdir("conventional")],
    { CHECKPOINT_DISABLE: "1", CDKTF_DISABLE_PLUGIN_CACHE_ENV: "1", DISABLE_VERSION_CHECK: "true" },
    outdir("conventional"),
  );

  const rows = [floor, cold, app, plain, conventional, over1500, scaled];
  const seconds = (ms: number | undefined) => (ms === undefined ? "" : (ms / 1000).toFixed(2));
  console.log("| run | best (s) | median (s) | peak RSS (MB) | stacks | resources |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const r of rows)
    console.log(`| ${r.label} | ${seconds(r.wallMs)} | ${seconds(r.medianMs)} | ${r.peakRssMb.toFixed(0)} | ${r.stacks ?? ""} | ${r.resources ?? ""} |`);
  console.log("");
  console.log(
    `speed-up of the app over the conventional way: ${(conventional.wallMs / app.wallMs).toFixed(1)}x (median ${(conventional.wallMs / app.medianMs!).toFixed(1)}x)`,
  );
  console.log(
    `growth: ${(scaled.resources! / app.resources!).toFixed(1)}x resources took ${(scaled.wallMs / app.wallMs).toFixed(1)}x time ` +
      `(${((scaled.wallMs - floor.wallMs) / (app.wallMs - floor.wallMs)).toFixed(1)}x above the floor)`,
  );
  console.log("");
  for (const line of testTimingLines(readTestTimings())) console.log(line);
  rmSync(work, { recursive: true, force: true });
}

main();
