import { readSynthesized } from "../support/synthesized";
import { formatInventory, inventoryRows, runInventory } from "../../scripts/inventory";
import { capturedIo, synthesizeExample } from "./fixtures/example-synth";

describe("inventory", () => {
  const example = synthesizeExample();
  afterAll(() => example.cleanup());
  const row = (stack: string) => inventoryRows(example.stacks).find((r) => r.stack === stack)!;

  it("lists every synthesized stack once, producers before consumers", () => {
    const rows = inventoryRows(example.stacks);
    expect(rows.map((r) => r.stack).sort()).toEqual(
      readSynthesized(example.outdir)
        .map((s) => s.name)
        .sort(),
    );
    const position = new Map(rows.map((r, i) => [r.stack, i]));
    for (const r of rows) for (const dep of r.dependencies) expect(position.get(dep)!).toBeLessThan(position.get(r.stack)!);
  });

  it("gives a stack's environment, account, region, state bucket and key, dependencies and resource count", () => {
    const resources = Object.values(readSynthesized(example.outdir).find((s) => s.name === "dev-us-east-1-network")!.json.resource ?? {}).reduce(
      (n, byName) => n + Object.keys(byName).length,
      0,
    );
    expect(row("dev-us-east-1-network")).toEqual({
      stack: "dev-us-east-1-network",
      environment: "dev",
      accountId: "222222222222",
      accountName: "network",
      region: "us-east-1",
      stateBucket: "example-tfstate-222222222222",
      stateKey: "dev-us-east-1-network/terraform.tfstate",
      dependencies: ["shared-us-east-1-archive", "shared-us-east-1-transit"],
      resources,
    });
    expect(resources).toBeGreaterThan(50);
  });

  it("shows a bootstrap stack's local state file until it moves into its bucket", () => {
    expect(row("bootstrap-workload-dev")).toMatchObject({
      environment: "global",
      accountName: "workload-dev",
      stateBucket: "(local)",
      stateKey: ".bootstrap-state/bootstrap-workload-dev.tfstate",
    });
  });

  it("prints an aligned table by default, one line per stack", () => {
    const io = capturedIo();
    expect(runInventory(["--outdir", example.outdir, "--env", "dev"], io)).toBe(0);
    const lines = io.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^stack\s+environment\s+account\s+region\s+state bucket\s+state key\s+depends on\s+resources$/);
    expect(
      lines
        .slice(2)
        .map((l) => l.split(/\s+/)[0])
        .sort(),
    ).toEqual(
      example.stacks
        .filter((s) => s.environment === "dev")
        .map((s) => s.name)
        .sort(),
    );
    expect(io.stdout).toMatch(
      /dev-us-east-1-batch\s+dev\s+workload-dev \(555555555555\)\s+us-east-1\s+example-tfstate-555555555555\s+dev-us-east-1-batch\/terraform\.tfstate\s+dev-us-east-1-network\s+\d+/,
    );
  });

  it("prints JSON with --json", () => {
    const io = capturedIo();
    expect(runInventory(["--outdir", example.outdir, "--json", "--account", "workload-prod"], io)).toBe(0);
    const rows = JSON.parse(io.stdout) as { stack: string; accountId: string }[];
    expect(rows.length).toBeGreaterThan(3);
    expect(new Set(rows.map((r) => r.accountId))).toEqual(new Set(["777777777777"]));
  });

  it("prints bare names with --names, for `cdktf deploy $(...)`", () => {
    const io = capturedIo();
    expect(runInventory(["--outdir", example.outdir, "--names", "--stack", "dev-us-east-1-*"], io)).toBe(0);
    expect(io.stdout.trim().split("\n").sort()).toEqual([
      "dev-us-east-1-alarms",
      "dev-us-east-1-batch",
      "dev-us-east-1-eks-addons",
      "dev-us-east-1-eks-cluster",
      "dev-us-east-1-eks-crds",
      "dev-us-east-1-net-alarms",
      "dev-us-east-1-network",
    ]);
  });

  it("renders a markdown table for the README", () => {
    const md = formatInventory(
      inventoryRows(example.stacks).filter((r) => r.stack === "shared-global-transit-peering"),
      "markdown",
    );
    expect(md.split("\n")[0]).toBe("| stack | environment | account | region | state bucket | state key | depends on | resources |");
    const peering = row("shared-global-transit-peering");
    expect(md).toContain(
      "| `shared-global-transit-peering` | shared | network (222222222222) | us-east-1 | `example-tfstate-222222222222` | `shared-global-transit-peering/terraform.tfstate` | " +
        `shared-us-east-1-transit, shared-eu-west-1-transit, shared-ap-southeast-1-transit | ${peering.resources} |`,
    );
  });

  it("synthesizes the current config itself when no --outdir is given", () => {
    const io = capturedIo();
    let synthesized = 0;
    expect(runInventory(["--names", "--env", "shared"], io, () => (synthesized++, example.stacks))).toBe(0);
    expect(synthesized).toBe(1);
    // Per region a transit, an archive and an OAM sink stack, and the peering mesh.
    expect(io.stdout.trim().split("\n")).toHaveLength(10);
  });

  it("names the environments there are when asked for one that is not", () => {
    const io = capturedIo();
    expect(runInventory(["--outdir", example.outdir, "--env", "qa"], io)).toBe(64);
    expect(io.stderr).toContain('no stack of environment "qa"; environments: dev, global, prod, shared, staging');
  });

  it("refuses two output formats at once", () => {
    const io = capturedIo();
    expect(runInventory(["--outdir", example.outdir, "--json", "--names"], io)).toBe(64);
    expect(io.stderr).toContain("choose one of --json, --names");
  });
});
