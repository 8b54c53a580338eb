import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exampleOrg } from "../../environments/example-org";
import { loadOrg, resolveOrg } from "../../environments/load";
import type { OrgModel } from "../../environments/model";
import { synthesizeOrg } from "../../stacks/synthesize";
import { startMoto, type Moto } from "../support/moto";
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
    runner = new StackRunner(writeCliConfig(workDir), { env: moto.env });
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

  it("applies each account's bootstrap stack with local state, and re-plans with no changes", () => {
    for (const { name } of bootstrapStacks) {
      runner.init(stack(name));
      runner.apply(stack(name));
      expect({ name, changes: runner.unexpectedChanges(stack(name)) }).toEqual({ name, changes: [] });
    }
  }, 20 * 60_000);

  it("migrates each bootstrap state into its own account's bucket", () => {
    resynthesize({ ...org, bootstrapBackend: "s3" });
    for (const { name } of bootstrapStacks) {
      runner.init(stack(name), ["-migrate-state", "-force-copy"]);
      const pulled = JSON.parse(runner.ok(stack(name), ["state", "pull"]).stdout) as { resources: unknown[] };
      expect(pulled.resources.length).toBeGreaterThan(0);
      expect({ name, changes: runner.unexpectedChanges(stack(name)) }).toEqual({ name, changes: [] });
    }
  }, 20 * 60_000);

  it.each(environmentStacks.map((s) => s.name))(
    "applies %s with its state in its account's bucket, and re-plans with no changes",
    (name) => {
      runner.init(stack(name));
      runner.apply(stack(name));
      expect(runner.run(stack(name), ["state", "list"]).stdout.trim()).not.toBe("");
      expect(runner.unexpectedChanges(stack(name))).toEqual([]);
    },
    20 * 60_000,
  );

  it("adds an AZ ID to the region: the network stack's plan adds its subnets and moves none, and applies", () => {
    const input = structuredClone(exampleOrg);
    input.regions["us-east-1"].azIds.push("use1-az6");
    resynthesize(resolveOrg(input, "example org with use1-az6 added (e2e)"));
    const name = `${ENVIRONMENT}-us-east-1-network`;
    runner.ok(stack(name), ["plan", "-input=false", "-no-color", "-out=az.tfplan", ...runner.targetArgs(stack(name))]);
    const plan = JSON.parse(runner.ok(stack(name), ["show", "-json", "az.tfplan"]).stdout) as { resource_changes?: { address: string; type: string; change: { actions: string[] } }[] };
    const changes = (plan.resource_changes ?? []).filter((rc) => !rc.change.actions.every((a) => a === "no-op" || a === "read"));
    const counts = { add: 0, change: 0, destroy: 0 };
    for (const rc of changes) {
      if (rc.change.actions.includes("create")) counts.add++;
      if (rc.change.actions.includes("update")) counts.change++;
      if (rc.change.actions.includes("delete")) counts.destroy++;
    }
    console.log(`${name}, use1-az6 added: ${counts.add} to add, ${counts.change} to change, ${counts.destroy} to destroy\n${changes.map((c) => `  ${c.address}: ${c.change.actions.join("+")}`).join("\n")}`);
    expect(changes.filter((c) => c.change.actions.includes("delete"))).toEqual([]);
    expect(changes.filter((c) => c.type === "aws_subnet").map((c) => [c.address.replace(/_[0-9A-F]{8}$/, ""), c.change.actions.join("+")]).sort()).toEqual(
      ["data", "private", "public", "transit"].map((tier) => [`aws_subnet.subnets-${tier}_use1-az6`, "create"]),
    );
    // Updates in place only where a list of subnets or route tables gains the new AZ ID's (NACLs, endpoints).
    const updated = new Set(changes.filter((c) => c.change.actions.includes("update")).map((c) => c.type));
    expect([...updated].filter((t) => t !== "aws_network_acl" && t !== "aws_vpc_endpoint")).toEqual([]);
    runner.ok(stack(name), ["apply", "-input=false", "-no-color", "az.tfplan"]);
    expect(runner.unexpectedChanges(stack(name))).toEqual([]);
  }, 20 * 60_000);

  it("refuses at plan a change that would move an existing subnet, naming it, its old and new CIDR and the pin", () => {
    const input = structuredClone(exampleOrg);
    input.regions["us-east-1"].azIds.push("use1-az6");
    // Forgetting packedAzIds would re-address the subnets an earlier release placed.
    delete input.environments[ENVIRONMENT].regions["us-east-1"].packedAzIds;
    resynthesize(resolveOrg(input, "example org, packedAzIds dropped (e2e)"));
    const name = `${ENVIRONMENT}-us-east-1-network`;
    const plan = runner.run(stack(name), ["plan", "-input=false", "-no-color", ...runner.targetArgs(stack(name))]);
    expect(plan.code).not.toBe(0);
    const output = (plan.stderr + plan.stdout).replace(/[│╷╵]/g, " ").replace(/\s+/g, " ");
    expect(output).toMatch(/Subnet\(s\) would move to a new CIDR/);
    expect(output).toContain("data use1-az1: 10.0.51.0/24 -> 10.0.8.0/24 (pin it: environments.dev.regions.us-east-1.subnets.data.cidrs.use1-az1 = 10.0.51.0/24)");
    // Back to the applied config, so the teardown below destroys what exists.
    const applied = structuredClone(exampleOrg);
    applied.regions["us-east-1"].azIds.push("use1-az6");
    resynthesize(resolveOrg(applied, "example org with use1-az6 added (e2e)"));
  }, 10 * 60_000);

  it("refuses to destroy a state bucket (prevent_destroy)", () => {
    const plan = runner.run(stack(bootstrapStacks[0].name), ["plan", "-destroy", "-input=false", "-no-color"]);
    expect(plan.code).not.toBe(0);
    expect(plan.stderr).toMatch(/Instance cannot be destroyed/);
  }, 5 * 60_000);

  it("destroys every stack in reverse dependency order", () => {
    for (const { name } of [...environmentStacks].reverse()) {
      const retired = runner.destroy(stack(name));
      if (retired.length) console.log(`${name}: dropped from state before destroy (prevent_destroy): ${retired.join(", ")}`);
      expect({ name, left: runner.run(stack(name), ["state", "list"]).stdout.trim() }).toEqual({ name, left: "" });
    }
  }, 30 * 60_000);

  it("retires the state buckets last, after moving each bootstrap state back to local", () => {
    // A bucket cannot be torn down while it holds the state (and lock file) of its own teardown.
    resynthesize({ ...org, bootstrapBackend: "local" });
    for (const { name } of bootstrapStacks) {
      runner.init(stack(name), ["-migrate-state", "-force-copy"]);
      const retired = runner.destroy(stack(name));
      expect(retired.sort()).toEqual(runner.protectedAddresses(stack(name)).sort());
      expect({ name, left: runner.run(stack(name), ["state", "list"]).stdout.trim() }).toEqual({ name, left: "" });
    }
  }, 20 * 60_000);
});
