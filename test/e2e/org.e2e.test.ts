import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exampleOrg } from "../../environments/example-org";
import { loadOrg, resolveOrg } from "../../environments/load";
import type { OrgModel } from "../../planning/model";
import { synthesizeOrg } from "../../stacks/synthesize";
import { startMoto, type Moto } from "../support/moto";
import { allSettled, inDependencyOrder, valueOf, type Outcome } from "../support/dependency-order";
import { StackRunner } from "../support/stack-runner";
import { readSynthesized, withDependencies, type SynthesizedStack } from "../support/synthesized";
import { writeCliConfig } from "../support/terraform";
import { describeWithTooling, mirrorHasProvider } from "../support/tooling";
import { describeGaps } from "./moto-gaps";
import type { RolePurpose } from "../../modules/aws/account-role";
import { s3ObjectEncryption } from "../support/s3-object-encryption";

/** The environment applied end to end; the others are validated only (test/terraform). */
const ENVIRONMENT = "dev";
/** Org-wide stacks (Transit Gateways, their peering) every environment relies on. */
const ORG_WIDE_PREFIX = "shared-";
/** Stacks run side by side in each step (see the bootstrap step). */
const CONCURRENCY = 4;

const org: OrgModel = loadOrg();
const workDir = mkdtempSync(join(tmpdir(), "orgplat-e2e-"));
const outdir = join(workDir, "cdktf.out");

// Stack names are known before moto runs (synth without an endpoint has the same stacks).
synthesizeOrg(org, {}, outdir);
const planned = readSynthesized(outdir);
const inEnvironment = withDependencies(
  planned,
  planned.filter((s) => s.name.startsWith(`${ENVIRONMENT}-`) || s.name.startsWith(ORG_WIDE_PREFIX)).map((s) => s.name),
).filter((s) => !s.name.startsWith("bootstrap-") && !/-(alarms|net-alarms|dashboard|oam-sink)$/.test(s.name));
// The observability stacks (OAM sinks, alarms, dashboards) have their own e2e, observability-alarms.e2e.test.ts:
// here they would read network outputs of the Transit Gateway attachment moto cannot apply.
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

  /** Synthesizes with every provider and backend on the role of `purpose` (remote-state reads on state readers). */
  const resynthesize = (model: OrgModel, purpose: RolePurpose): void => {
    synthesizeOrg(model, { emulatorEndpoint: moto.endpoint, purpose }, outdir);
    current = new Map(readSynthesized(outdir).map((s) => [s.name, s]));
  };
  const stack = (name: string): SynthesizedStack => current.get(name)!;
  /** Role names every AWS provider of a synthesized stack assumes (and its own backend, when it has one). */
  const assumedRoleNames = (s: SynthesizedStack): string[] => {
    const json = s.json as {
      provider?: { aws?: { assume_role?: { role_arn: string }[] }[] };
      terraform?: { backend?: { s3?: { assume_role?: { role_arn: string } } } };
    };
    const arns = [
      ...(json.provider?.aws ?? []).flatMap((p) => (p.assume_role ?? []).map((r) => r.role_arn)),
      ...(json.terraform?.backend?.s3?.assume_role ? [json.terraform.backend.s3.assume_role.role_arn] : []),
    ];
    return [...new Set(arns.map((arn) => arn.split(":role/")[1]))];
  };

  /** What each bootstrap stack's local state listed after its apply (resource addresses, instance keys dropped). */
  const bootstrapAddresses: Record<string, string[]> = {};
  const addressesIn = (stateList: string): string[] =>
    [
      ...new Set(
        stateList
          .split("\n")
          .filter(Boolean)
          .map((a) => a.replace(/\[.*\]$/, "")),
      ),
    ].sort();

  /** Initializes and applies a stack; returns what its state then lists (empty if nothing was applied). */
  const applyListingState = async ({ name }: { readonly name: string }): Promise<string> => {
    await runner.initAsync(stack(name));
    await runner.applyAsync(stack(name));
    return (await runner.runAsync(stack(name), ["state", "list"])).stdout.trim();
  };

  beforeAll(async () => {
    moto = await startMoto();
    // Stacks side by side share the CPU: one apply of the cluster stack can take over the default
    // 5 minutes on a busy 2-core machine (6.5 min seen), so each command gets 15.
    runner = new StackRunner(writeCliConfig(workDir, "mirror-binary"), { env: moto.env, timeoutMs: 15 * 60_000 });
    // The very first bootstrap runs as the break-glass role: the purpose roles do not exist yet.
    resynthesize(org, "break-glass");
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
    expect([...accountsInUse].sort()).toEqual(
      [org.networkAccount.id, "444444444444", ...env.workloadAccounts.map((a) => a.id)].filter((id) => accountsInUse.has(id)).sort(),
    );
    expect(bootstrapStacks.length).toBe(accountsInUse.size);
  });

  // Stacks of different accounts, or that do not read each other, run side by side (inDependencyOrder,
  // CONCURRENCY at a time): against moto a stack mostly waits, on the provider's polls (56 s for every
  // state bucket's lifecycle rule) and on moto's answers. Each step waits for all its stacks before it
  // asserts, and each stack's assertions stay its own.
  // The second plan that must show no changes is the plan role's, of every stack, once all states are
  // in the buckets: a plan right after each apply or move as well would cost three more provider
  // start-ups per stack and prove nothing that plan does not (docs/testing.md).
  it(
    "applies each account's bootstrap stack with local state as the break-glass role",
    async () => {
      const applied = await allSettled(inDependencyOrder(bootstrapStacks, applyListingState, { concurrency: CONCURRENCY }));
      for (const { name } of bootstrapStacks) {
        bootstrapAddresses[name] = addressesIn(valueOf(applied.get(name)!));
        expect({ name, applied: bootstrapAddresses[name].length > 0 }).toEqual({ name, applied: true });
      }
    },
    20 * 60_000,
  );

  it(
    "creates the plan and deploy roles, their policies, a state reader per consumer account and the GitHub OIDC provider",
    () => {
      for (const { name } of bootstrapStacks) {
        const addresses = bootstrapAddresses[name].join("\n");
        for (const purpose of ["plan", "deploy"]) {
          expect(addresses).toMatch(new RegExp(`aws_iam_role\\.access_${purpose}_role_`));
          expect(addresses).toMatch(new RegExp(`aws_iam_role_policy\\.access_${purpose}_policy_`));
        }
        expect(addresses).toMatch(/aws_iam_openid_connect_provider\.access_github-oidc_provider_/);
        expect(addresses).toMatch(/aws_kms_alias\.state_key-alias_/);
      }
      const network = bootstrapAddresses[`bootstrap-${org.networkAccount.name}`].join("\n");
      for (const consumer of [org.networkAccount, ...org.environments.find((e) => e.name === ENVIRONMENT)!.workloadAccounts]) {
        expect(network).toContain(`aws_iam_role.access_orgplat-state-reader-${consumer.name}_role_`);
      }
    },
    5 * 60_000,
  );

  it(
    "migrates each bootstrap state, every resource of it, into its own account's bucket through the deploy role",
    async () => {
      resynthesize({ ...org, bootstrapBackend: "s3" }, "deploy");
      const migrated = await allSettled(
        inDependencyOrder(
          bootstrapStacks,
          async ({ name }) => {
            await runner.initAsync(stack(name), ["-migrate-state", "-force-copy"]);
            const pulled = JSON.parse((await runner.okAsync(stack(name), ["state", "pull"])).stdout) as {
              resources: { mode: string; type: string; name: string }[];
            };
            return pulled.resources.map((r) => `${r.mode === "data" ? "data." : ""}${r.type}.${r.name}`).sort();
          },
          { concurrency: CONCURRENCY },
        ),
      );
      // That the moved state still matches what exists is the plan role's zero-change plan below (read from the bucket).
      for (const { name } of bootstrapStacks) expect({ name, moved: valueOf(migrated.get(name)!) }).toEqual({ name, moved: bootstrapAddresses[name] });
    },
    20 * 60_000,
  );

  /** Every environment stack applied, each once the stacks it reads are applied; started by the first test that needs it. */
  let applied: Promise<Map<string, Outcome<string>>> | undefined;
  const applyEnvironment = () => (applied ??= allSettled(inDependencyOrder(environmentStacks, applyListingState, { concurrency: CONCURRENCY })));

  it.each(environmentStacks.map((s) => s.name))(
    "applies %s as the deploy role with its state in its account's bucket",
    async (name) => {
      expect(assumedRoleNames(stack(name))).toEqual([org.access.deployRoleName]);
      expect(valueOf((await applyEnvironment()).get(name)!)).not.toBe("");
    },
    20 * 60_000,
  );

  it(
    "writes every state object under its account's state key (SSE-KMS), never SSE-S3",
    () => {
      for (const s of [...bootstrapStacks, ...environmentStacks]) {
        const { bucket, key } = stack(s.name).backend as { bucket: string; key: string };
        const encryption = s3ObjectEncryption(moto.env, `arn:aws:iam::${s.accountId}:role/${org.access.deployRoleName}`, bucket, key);
        expect({ stack: s.name, encryption }).toEqual({
          stack: s.name,
          encryption: {
            serverSideEncryption: "aws:kms",
            kmsKeyId: expect.stringMatching(new RegExp(`^arn:aws:kms:us-east-1:${s.accountId}:(alias/example-tfstate|key/.+)$`)),
          },
        });
      }
    },
    5 * 60_000,
  );

  it(
    "plans every applied stack with zero changes as the plan role (the pull-request and drift synth): the second plan after apply",
    async () => {
      const all = [...bootstrapStacks, ...environmentStacks];
      resynthesize({ ...org, bootstrapBackend: "s3" }, "plan");
      try {
        for (const { name } of all) expect({ name, roles: assumedRoleNames(stack(name)) }).toEqual({ name, roles: [org.access.planRoleName] });
        // Plans read state and change nothing: every stack at once, within the concurrency.
        const planned = await allSettled(
          inDependencyOrder(
            all.map((s) => ({ ...s, dependencies: [] })),
            async ({ name }) => {
              await runner.initAsync(stack(name), ["-reconfigure"]);
              return runner.unexpectedChangesAsync(stack(name));
            },
            { concurrency: CONCURRENCY },
          ),
        );
        for (const { name } of all) expect({ name, changes: valueOf(planned.get(name)!) }).toEqual({ name, changes: [] });
      } finally {
        // Back to the deploy role for the tests after this one, whatever happened above.
        resynthesize({ ...org, bootstrapBackend: "s3" }, "deploy");
        await Promise.all(all.map(({ name }) => runner.initAsync(stack(name), ["-reconfigure"])));
      }
    },
    20 * 60_000,
  );

  it(
    "refuses at plan a change that would move an existing subnet, naming it, its old and new CIDR and the pin",
    () => {
      const input = structuredClone(exampleOrg);
      input.regions["us-east-1"].azIds.push("use1-az6");
      // Forgetting packedAzIds would re-address the subnets an earlier release placed.
      delete input.environments[ENVIRONMENT].regions["us-east-1"].packedAzIds;
      resynthesize(resolveOrg({ ...input, bootstrapBackend: "s3" }, "example org, packedAzIds dropped (e2e)"), "deploy");
      const name = `${ENVIRONMENT}-us-east-1-network`;
      const plan = runner.run(stack(name), ["plan", "-input=false", "-no-color", ...runner.targetArgs(stack(name))]);
      expect(plan.code).not.toBe(0);
      const output = (plan.stderr + plan.stdout).replace(/[│╷╵]/g, " ").replace(/\s+/g, " ");
      expect(output).toMatch(/Subnet\(s\) would move to a new CIDR/);
      expect(output).toContain(
        "data use1-az1: 10.0.51.0/24 -> 10.0.8.0/24 (pin it: environments.dev.regions.us-east-1.subnets.data.cidrs.use1-az1 = 10.0.51.0/24)",
      );
      // Back to the applied config, so the teardown below destroys what exists.
      resynthesize({ ...org, bootstrapBackend: "s3" }, "deploy");
    },
    10 * 60_000,
  );

  it(
    "refuses to destroy a state bucket (prevent_destroy)",
    () => {
      const plan = runner.run(stack(bootstrapStacks[0].name), ["plan", "-destroy", "-input=false", "-no-color"]);
      expect(plan.code).not.toBe(0);
      expect(plan.stderr).toMatch(/Instance cannot be destroyed/);
    },
    5 * 60_000,
  );

  it(
    "destroys every stack in reverse dependency order",
    async () => {
      const destroyed = await allSettled(
        inDependencyOrder(
          environmentStacks,
          async ({ name }) => {
            const retired = await runner.destroyAsync(stack(name));
            if (retired.length) console.log(`${name}: dropped from state before destroy (prevent_destroy): ${retired.join(", ")}`);
            return (await runner.runAsync(stack(name), ["state", "list"])).stdout.trim();
          },
          { reverse: true, concurrency: CONCURRENCY },
        ),
      );
      for (const { name } of environmentStacks) expect({ name, left: valueOf(destroyed.get(name)!) }).toEqual({ name, left: "" });
    },
    30 * 60_000,
  );

  it(
    "retires the state buckets last, after moving each bootstrap state back to local",
    async () => {
      // A bucket cannot be torn down while it holds the state (and lock file) of its own teardown.
      resynthesize({ ...org, bootstrapBackend: "local" }, "deploy");
      const retiredBuckets = await allSettled(
        inDependencyOrder(
          bootstrapStacks,
          async ({ name }) => {
            await runner.initAsync(stack(name), ["-migrate-state", "-force-copy"]);
            const retired = await runner.destroyAsync(stack(name));
            return { retired, left: (await runner.runAsync(stack(name), ["state", "list"])).stdout.trim() };
          },
          { concurrency: CONCURRENCY },
        ),
      );
      for (const { name } of bootstrapStacks) {
        const { retired, left } = valueOf(retiredBuckets.get(name)!);
        expect(retired.sort()).toEqual(runner.protectedAddresses(stack(name)).sort());
        expect({ name, left }).toEqual({ name, left: "" });
      }
    },
    20 * 60_000,
  );
});
