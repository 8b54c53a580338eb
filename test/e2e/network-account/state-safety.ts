import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { StackRunner } from "../../support/stack-runner";
import type { SynthesizedStack } from "../../support/synthesized";
import { TRANSIT, type NetworkAccountFixture } from "./fixture";

const FORCE_UNLOCK_RUNBOOK = readFileSync(join(__dirname, "..", "..", "..", "docs", "runbooks", "force-unlock.md"), "utf8");

/** No intermediate state snapshots during an apply (the default is every 20 s): one apply, one serial. */
const TERRAFORM_ENV = { TF_STATE_PERSIST_INTERVAL: "600" };

interface StateJson {
  serial: number;
  lineage: string;
  resources: { mode: string; type: string; name: string }[];
}

/** A terraform process running in the background, its output collected as it comes. */
interface Background {
  readonly output: () => string;
  readonly exited: Promise<number | null>;
  /** Resolves once the output matches `pattern`; rejects when the process exits first. */
  waitFor(pattern: RegExp): Promise<void>;
  kill(): void;
}

/**
 * The S3 backend's lock file (use_lockfile) under concurrency and interruption, on the smallest
 * stack with its state in a bucket: the us-east-1 Transit Gateway stack of the network account,
 * applied by the scenario before this one. Every apply replaces one route table, so it has
 * something to write.
 */
export function describeStateSafety(fixture: NetworkAccountFixture): void {
  describe("Terraform state under concurrency and interruption (S3 lock file)", () => {
    let runner: StackRunner;
    let transit: SynthesizedStack;
    /** The route table every apply replaces, and the addresses the emulator can apply. */
    let replaced: string;
    let applied: string[];

    const start = (stack: SynthesizedStack, args: readonly string[]): Background => {
      const child = spawn("terraform", [...args], {
        cwd: stack.dir,
        env: {
          ...process.env,
          ...fixture.moto.env,
          ...TERRAFORM_ENV,
          TF_CLI_CONFIG_FILE: fixture.cliConfig,
          TF_IN_AUTOMATION: "1",
          TF_INPUT: "0",
          CHECKPOINT_DISABLE: "1",
        },
        stdio: ["ignore", "pipe", "pipe"],
        // Its own process group: a terraform killed halfway leaves its provider running (as a crash
        // would), and the group is how that orphan is ended once terraform is gone.
        detached: true,
      });
      let text = "";
      const waiters: { pattern: RegExp; resolve: () => void }[] = [];
      const onData = (chunk: Buffer): void => {
        text += chunk.toString();
        for (const w of waiters.filter((w) => w.pattern.test(text))) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", onData);
      const exited = new Promise<number | null>((resolve) =>
        child.once("close", (code) => {
          try {
            process.kill(-child.pid!, "SIGKILL");
          } catch {
            // the whole group has exited already
          }
          resolve(code);
        }),
      );
      return {
        output: () => text,
        exited,
        waitFor: (pattern) =>
          new Promise<void>((resolve, reject) => {
            if (pattern.test(text)) return resolve();
            waiters.push({ pattern, resolve });
            void exited.then((code) => reject(new Error(`terraform exited (${code}) before printing ${pattern}:\n${text}`)));
          }),
        kill: () => child.kill("SIGKILL"),
      };
    };
    const applyArgs = (): string[] => [
      "apply",
      "-auto-approve",
      "-input=false",
      "-no-color",
      "-lock-timeout=0s",
      ...runner.targetArgs(transit),
      `-replace=${replaced}`,
    ];
    const pull = (): StateJson => JSON.parse(runner.ok(transit, ["state", "pull"]).stdout) as StateJson;

    beforeAll(() => {
      runner = new StackRunner(fixture.cliConfig, { env: { ...fixture.moto.env, ...TERRAFORM_ENV } });
      transit = fixture.stack(TRANSIT);
      applied = runner.targetArgs(transit).map((t) => t.slice("-target=".length));
      replaced = applied.find((a) => a.startsWith("aws_ec2_transit_gateway_route_table.") && a.includes("peering"))!;
      expect(replaced).toBeDefined();
    });

    it(
      "lets one of two concurrent applies write: the second fails on the lock file, the state stays whole, its serial advanced once",
      async () => {
        const before = pull();
        const first = start(transit, applyArgs());
        // The first holds the lock once it has planned; only then does the second start.
        await first.waitFor(/Plan: \d+ to add/);
        const second = start(transit, applyArgs());
        const [firstCode, secondCode] = await Promise.all([first.exited, second.exited]);

        expect({ code: secondCode, output: second.output() }).toEqual({
          code: 1,
          output: expect.stringMatching(
            /Error acquiring the state lock[\s\S]*Lock Info:[\s\S]*Path:\s+example-tfstate-222222222222\/shared-us-east-1-transit\/terraform\.tfstate/,
          ),
        });
        expect({ code: firstCode, output: first.output() }).toEqual({
          code: 0,
          output: expect.stringMatching(/Apply complete! Resources: 1 added, 0 changed, 1 destroyed\./),
        });

        const after = pull();
        expect(after.lineage).toBe(before.lineage);
        expect(after.serial).toBe(before.serial + 1);
        expect(
          after.resources
            .filter((r) => r.mode === "managed")
            .map((r) => `${r.type}.${r.name}`)
            .sort(),
        ).toEqual([...applied].sort());
        expect(runner.unexpectedChanges(transit)).toEqual([]);
      },
      10 * 60_000,
    );

    it(
      "reports the lock of an apply killed halfway, and after the documented force-unlock a re-apply converges",
      async () => {
        const killed = start(transit, applyArgs());
        await killed.waitFor(/: (Destroying|Creating)\.\.\./);
        killed.kill();
        expect(await killed.exited).toBeNull();

        const blocked = runner.run(transit, ["plan", "-input=false", "-no-color", "-lock-timeout=0s", ...runner.targetArgs(transit)]);
        expect(blocked.code).toBe(1);
        expect(blocked.stderr).toMatch(/Error acquiring the state lock/);
        const lockId = /Lock Info:\s+ID:\s+(\S+)/.exec(blocked.stderr)?.[1];
        expect(lockId).toBeDefined();

        // The step the force-unlock runbook gives for a stale lock.
        expect(FORCE_UNLOCK_RUNBOOK).toMatch(/terraform force-unlock <lock ID>/);
        runner.ok(transit, ["force-unlock", "-force", lockId!]);

        runner.apply(transit);
        expect(runner.unexpectedChanges(transit)).toEqual([]);
        expect(
          pull()
            .resources.filter((r) => r.mode === "managed")
            .map((r) => `${r.type}.${r.name}`)
            .sort(),
        ).toEqual([...applied].sort());
      },
      10 * 60_000,
    );
  });
}
