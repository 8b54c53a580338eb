import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { writeTestTimings, type TestTiming } from "./test-timings";

/**
 * How long the tests take and where the time goes: `npm run test:unit` (build included) and, with
 * `--full`, `npm test` as `.ci/run` runs it after `npm ci` and the lint, with every terraform command it
 * starts counted and timed per test area and subcommand (a shim on PATH logs them). On a shared
 * machine seconds drift; the command counts, provider start-ups and CPU seconds much less. The
 * figures are also recorded in bench/test-timings.json, which `npm run bench` prints.
 *
 *   npm run bench:tests            unit suite only
 *   npm run bench:tests -- --full  also the full suite with its terraform breakdown
 */
const ROOT = join(__dirname, "..", "..");
const work = mkdtempSync(join(tmpdir(), "orgplat-test-bench-"));

/** Subcommands that start the provider (to configure it, read its schema or call the API). */
const STARTS_PROVIDER = new Set(["plan", "apply", "destroy", "validate", "show", "refresh", "import"]);

interface JestReport {
  readonly numPassedTests: number;
  readonly numFailedTests: number;
  readonly testResults: readonly { readonly name: string; readonly startTime: number; readonly endTime: number }[];
}

interface Timed {
  readonly seconds: number;
  /** User + system CPU of the command and its children (the machine is shared: wall seconds drift). */
  readonly cpuSeconds?: number;
  readonly report?: JestReport;
}

/**
 * The machine's speed when measured, as a yardstick between runs: the same machine type is up to
 * twice as slow on some days (loading cdktf alone took 0.20 s on one, 0.40 s on another), and
 * every duration here scales with it.
 */
function machineSpeed(): string {
  const seconds = [1, 2, 3, 4, 5].map(() => {
    const start = process.hrtime.bigint();
    spawnSync(process.execPath, ["-e", "require('cdktf')"], { cwd: ROOT });
    return Number(process.hrtime.bigint() - start) / 1e9;
  });
  return `node -e "require('cdktf')" ${Math.min(...seconds).toFixed(2)} s (best of 5)`;
}

/** GNU time, to read a run's CPU seconds including its workers and the terraform processes they start. */
const GNU_TIME = "/usr/bin/time";

function run(label: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Timed {
  const outputFile = join(work, "jest.json");
  const cpuFile = join(work, "cpu.txt");
  rmSync(outputFile, { force: true });
  rmSync(cpuFile, { force: true });
  const jestArgs = [...args, "--json", `--outputFile=${outputFile}`];
  const [program, programArgs] = existsSync(GNU_TIME) ? [GNU_TIME, ["-f", "%U %S", "-o", cpuFile, command, ...jestArgs]] : [command, jestArgs];
  const start = process.hrtime.bigint();
  const result = spawnSync(program, programArgs, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) console.error(`${label} exited ${result.status}:\n${result.stderr.split("\n").slice(-30).join("\n")}`);
  const report = existsSync(outputFile) ? (JSON.parse(readFileSync(outputFile, "utf8")) as JestReport) : undefined;
  const cpu = existsSync(cpuFile) ? readFileSync(cpuFile, "utf8").trim().split("\n").pop()!.split(" ").map(Number) : [];
  return { seconds, report, cpuSeconds: cpu.length === 2 && cpu.every(Number.isFinite) ? cpu[0] + cpu[1] : undefined };
}

function timingOf(timed: Timed): TestTiming {
  return { wallSeconds: timed.seconds, cpuSeconds: timed.cpuSeconds, passed: timed.report?.numPassedTests, failed: timed.report?.numFailedTests };
}

function printFiles(label: string, timed: Timed, top: number): void {
  const { report } = timed;
  const cpu = timed.cpuSeconds === undefined ? "" : `, ${timed.cpuSeconds.toFixed(1)} s CPU`;
  console.log(`\n${label}: ${timed.seconds.toFixed(1)} s wall${cpu}` + (report ? `, ${report.numPassedTests} passed, ${report.numFailedTests} failed` : ""));
  if (!report) return;
  const files = report.testResults
    .map((r) => ({ file: r.name.slice(ROOT.length + 1), seconds: (r.endTime - r.startTime) / 1000 }))
    .sort((a, b) => b.seconds - a.seconds);
  console.log("| test file | s |\n|---|---:|");
  for (const f of files.slice(0, top)) console.log(`| ${f.file} | ${f.seconds.toFixed(1)} |`);
}

/**
 * A `terraform` on PATH that logs directory, subcommand and milliseconds of every command. It
 * `exec`s the real one, so terraform keeps the PID its test started: the state-safety e2e kills an
 * apply halfway with SIGKILL, which must hit terraform (leaving its lock) and not a wrapper whose
 * terraform then finishes and releases the lock. A detached watcher logs the command once that PID
 * is gone; it holds none of the command's pipes.
 */
function timingShim(log: string): string {
  const real = spawnSync("sh", ["-c", "command -v terraform"], { encoding: "utf8" }).stdout.trim();
  if (!real) throw new Error("terraform is not on PATH");
  const dir = join(work, "shim");
  spawnSync("mkdir", ["-p", dir]);
  const shim = join(dir, "terraform");
  writeFileSync(
    shim,
    [
      "#!/usr/bin/env bash",
      "start=$(date +%s%N)",
      'sub="$1"; [ "$1" = state ] && sub="state $2"',
      'dir="$PWD"',
      `( while kill -0 $$ 2>/dev/null; do sleep 0.1; done; echo "$dir|$sub|$(( ($(date +%s%N) - start) / 1000000 ))" >> "${log}" ) </dev/null >/dev/null 2>&1 &`,
      `exec "${real}" "$@"`,
      "",
    ].join("\n"),
  );
  chmodSync(shim, 0o755);
  return dir;
}

/** The test area a stack directory belongs to: the prefix of the tmp directory its test file made. */
function area(dir: string): string {
  const top = dir.startsWith(tmpdir()) ? dir.slice(tmpdir().length + 1).split("/")[0] : dir;
  return top.replace(/-[A-Za-z0-9]{6}$/, "");
}

function printTerraform(log: string): void {
  if (!existsSync(log)) return console.log("\nno terraform commands ran");
  const rows = new Map<string, { count: number; ms: number; providers: number }>();
  for (const line of readFileSync(log, "utf8").split("\n").filter(Boolean)) {
    const [dir, sub, ms] = line.split("|");
    for (const key of [`${area(dir)}|${sub}`, `${area(dir)}|(all)`, `(all)|${sub}`]) {
      const row = rows.get(key) ?? { count: 0, ms: 0, providers: 0 };
      row.count++;
      row.ms += Number(ms);
      if (STARTS_PROVIDER.has(sub)) row.providers++;
      rows.set(key, row);
    }
  }
  console.log(
    "\nterraform commands (area = the test's tmp directory):\n| area | subcommand | commands | provider start-ups | s (summed) |\n|---|---|---:|---:|---:|",
  );
  for (const [key, r] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
    const [a, sub] = key.split("|");
    console.log(`| ${a} | ${sub} | ${r.count} | ${r.providers} | ${(r.ms / 1000).toFixed(1)} |`);
  }
}

function main(): void {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const unit = run("test:unit", npm, ["run", "--silent", "test:unit", "--"]);
  printFiles("npm run test:unit (build included)", unit, 10);
  let full: Timed | undefined;
  if (process.argv.includes("--full")) {
    const log = join(work, "terraform.log");
    const shim = timingShim(log);
    full = run("npm test", npm, ["run", "--silent", "test", "--"], { PATH: `${shim}:${process.env.PATH}` });
    printFiles("npm test (what .ci/run runs after npm ci and the lint)", full, 100);
    printTerraform(log);
  }
  writeTestTimings({
    measuredAt: new Date().toISOString(),
    machine: `${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")} at the end, ${machineSpeed()}`,
    unit: timingOf(unit),
    full: full && timingOf(full),
  });
  rmSync(work, { recursive: true, force: true });
}

main();
