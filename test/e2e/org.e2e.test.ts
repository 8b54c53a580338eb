import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadOrg } from "../../environments/load";
import type { OrgModel } from "../../environments/model";
import { synthesizeOrg } from "../../stacks/synthesize";
import { startMoto, type Moto } from "../support/moto";
import { allSettled, inDependencyOrder, valueOf, type Outcome } from "../support/dependency-order";
import { StackRunner } from "../support/stack-runner";
import { readSynthesized, withDependencies, type SynthesizedStack } from "../support/synthesized";
import { writeCliConfig } from "../support/terraform";
import { describeWithTooling, mirrorHasProvider } from "../support/tooling";
import { describeGaps } from "./moto-gaps";

/** The environment applied end to end; the others are validated only (test/terraform). */
const ENVIRONMENT = "dev";
/** Org-wide stacks (Transit Gateways, their peering) every environment relies on. */
const ORG_WIDE_PREFIX = "shared-";

const org: OrgModel = loadOrg();
const workDir = mkdtempSync(join(tmpdir(), "orgplat-e2e-"));
const outdir = join(workDir, "cdktf.out");

// Stack names are known before moto runs (synth without an endpoint has the same stacks).
synthesizeOrg(org, {}, outdir);
const planned = readSynthesized(outdir);
const inEnvironment = withDependencies(
  planned,
  planned.filter((s) => s.name.startsWith(`${ENVIRONMENT}-`) || s.name.startsWith(ORG_WIDE_PREFIX)).map((s) => s.name),
).filter((s) => !s.name.startsWith("bootstrap-"));
/** Stacks whose providers (helm, kubernetes) are not in the mirror cannot even be initialized here. */
const withoutProviders = inEnvironment.filter((s) => !s.providers.every((p) => mirrorHasProvider(p)));
const environmentStacks = inEnvironment.filter((s) => !withoutProviders.includes(s));
const accountsInUse = new Set(environmentStacks.map((s) => s.accountId));
const bootstrapStacks = planned.filter((s) => s.name.startsWith("bootstrap-") && accountsInUse.has(s.accountId));

describeWithTooling({ moto: true })(`the ${ENVIRONMENT} environment applied to moto_server`, () => {
  let moto: Moto;
  let runner: StackRunner;
  /** Re-read after every synth: same names and directories, new contents. */
  let current: Map<string, SynthesizedStack>;

  const resynthesize = (model: OrgModel): void => {
    synthesizeOrg(model, { emulatorEndpoint: moto.endpoint }, outdir);
    current = new Map(readSynthesized(outdir).map((s) => [s.name, s]));
  };
  const stack = (name: string): SynthesizedStack => current.get(name)!;

  beforeAll(async () => {
    moto = await startMoto();
    // Three stacks side by side share the CPU: one apply of the cluster stack can take over the
    // default 5 minutes on a busy 2-core machine (6.5 min seen), so each command gets 15.
    runner = new StackRunner(writeCliConfig(workDir), { env: moto.env, timeoutMs: 15 * 60_000 });
    resynthesize(org);
    console.log(
      `e2e on ${moto.endpoint}: ${bootstrapStacks.length} bootstrap + ${environmentStacks.length} ${ENVIRONMENT} stacks\n` +
        `Declared moto gaps (excluded from apply / allowed re-plan drift):\n${describeGaps() || "- none"}\n` +
        `Not applied, providers not in the mirror: ${withoutProviders.map((s) => `${s.name} [${s.providers.join(", ")}]`).join("; ") || "none"}`,
    );
  }, 120_000);

  afterAll(async () => {
    await moto?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it("leaves out only stacks whose providers the mirror lacks", () => {
    expect(withoutProviders.every((s) => s.providers.some((p) => p !== "aws"))).toBe(true);
  });

  it("covers every account and region the environment spans", () => {
    const regions = new Set(environmentStacks.map((s) => s.region));
    const env = org.environments.find((e) => e.name === ENVIRONMENT)!;
    expect([...regions].sort()).toEqual(env.vpcs.map((v) => v.region.name).sort());
    expect([...accountsInUse].sort()).toEqual([org.networkAccount.id, ...env.workloadAccounts.map((a) => a.id)].filter((id) => accountsInUse.has(id)).sort());
    expect(bootstrapStacks.length).toBe(accountsInUse.size);
  });

  // Stacks of different accounts, or that do not read each other, run side by side
  // (inDependencyOrder); each stack's assertions stay its own.
  it("applies each account's bootstrap stack with local state, and re-plans with no changes", async () => {
    const applied = await allSettled(
      inDependencyOrder(bootstrapStacks, async ({ name }) => {
        await runner.initAsync(stack(name));
        await runner.applyAsync(stack(name));
        return runner.unexpectedChangesAsync(stack(name));
      }),
    );
    for (const { name } of bootstrapStacks) {
      expect({ name, changes: valueOf(applied.get(name)!) }).toEqual({ name, changes: [] });
    }
  }, 20 * 60_000);

  it("migrates each bootstrap state into its own account's bucket", async () => {
    resynthesize({ ...org, bootstrapBackend: "s3" });
    const migrated = await allSettled(
      inDependencyOrder(bootstrapStacks, async ({ name }) => {
        await runner.initAsync(stack(name), ["-migrate-state", "-force-copy"]);
        const pulled = JSON.parse((await runner.okAsync(stack(name), ["state", "pull"])).stdout) as { resources: unknown[] };
        return { resources: pulled.resources.length, changes: await runner.unexpectedChangesAsync(stack(name)) };
      }),
    );
    for (const { name } of bootstrapStacks) {
      const { resources, changes } = valueOf(migrated.get(name)!);
      expect(resources).toBeGreaterThan(0);
      expect({ name, changes }).toEqual({ name, changes: [] });
    }
  }, 20 * 60_000);

  /** Every environment stack applied and re-planned, each once the stacks it reads are applied; started by the first test that needs it. */
  let applied: Map<string, Promise<Outcome<{ stateList: string; changes: unknown[] }>>> | undefined;
  const applyEnvironment = () =>
    (applied ??= inDependencyOrder(environmentStacks, async ({ name }) => {
      await runner.initAsync(stack(name));
      await runner.applyAsync(stack(name));
      const stateList = (await runner.runAsync(stack(name), ["state", "list"])).stdout.trim();
      return { stateList, changes: await runner.unexpectedChangesAsync(stack(name)) };
    }));

  it.each(environmentStacks.map((s) => s.name))(
    "applies %s with its state in its account's bucket, and re-plans with no changes",
    async (name) => {
      const { stateList, changes } = valueOf(await applyEnvironment().get(name)!);
      expect(stateList).not.toBe("");
      expect(changes).toEqual([]);
    },
    20 * 60_000,
  );

  it("refuses to destroy a state bucket (prevent_destroy)", () => {
    const plan = runner.run(stack(bootstrapStacks[0].name), ["plan", "-destroy", "-input=false", "-no-color"]);
    expect(plan.code).not.toBe(0);
    expect(plan.stderr).toMatch(/Instance cannot be destroyed/);
  }, 5 * 60_000);

  it("destroys every stack in reverse dependency order", async () => {
    const destroyed = await allSettled(
      inDependencyOrder(
        environmentStacks,
        async ({ name }) => {
          const retired = await runner.destroyAsync(stack(name));
          if (retired.length) console.log(`${name}: dropped from state before destroy (prevent_destroy): ${retired.join(", ")}`);
          return (await runner.runAsync(stack(name), ["state", "list"])).stdout.trim();
        },
        { reverse: true },
      ),
    );
    for (const { name } of [...environmentStacks].reverse()) {
      expect({ name, left: valueOf(destroyed.get(name)!) }).toEqual({ name, left: "" });
    }
  }, 30 * 60_000);

  it("retires the state buckets last, after moving each bootstrap state back to local", async () => {
    // A bucket cannot be torn down while it holds the state (and lock file) of its own teardown.
    resynthesize({ ...org, bootstrapBackend: "local" });
    const retiredBuckets = await allSettled(
      inDependencyOrder(bootstrapStacks, async ({ name }) => {
        await runner.initAsync(stack(name), ["-migrate-state", "-force-copy"]);
        const retired = await runner.destroyAsync(stack(name));
        return { retired, left: (await runner.runAsync(stack(name), ["state", "list"])).stdout.trim() };
      }),
    );
    for (const { name } of bootstrapStacks) {
      const { retired, left } = valueOf(retiredBuckets.get(name)!);
      expect(retired.sort()).toEqual(runner.protectedAddresses(stack(name)).sort());
      expect({ name, left }).toEqual({ name, left: "" });
    }
  }, 20 * 60_000);
});
