import { resolveOrg } from "../../environments/load";
import { affectedMatrix, ciMatrix, environmentOrder, runCiMatrix } from "../../scripts/ci-matrix";
import type { SynthesizedStack } from "../../scripts/lib/synthesized-stacks";
import { exampleOrgInput, exampleOrgModel } from "../support/synth";
import { capturedIo, synthesizeExample } from "./fixtures/example-synth";

describe("ci-matrix", () => {
  const example = synthesizeExample();
  afterAll(() => example.cleanup());
  const org = exampleOrgModel();

  it("has one plan job per stack with state in a bucket, each with its own account's plan and deploy roles", () => {
    const matrix = ciMatrix(example.stacks, org);
    const s3Stacks = example.stacks.filter((s) => s.backend.kind === "s3");
    expect(matrix.stacks.map((s) => s.stack)).toEqual(s3Stacks.map((s) => s.name));
    expect(matrix.stacks.find((s) => s.stack === "dev-us-east-1-batch")).toEqual({
      stack: "dev-us-east-1-batch",
      environment: "dev",
      account: "555555555555",
      accountName: "workload-dev",
      region: "us-east-1",
      planRole: "arn:aws:iam::555555555555:role/orgplat-plan",
      deployRole: "arn:aws:iam::555555555555:role/orgplat-deploy",
      outdir: "cdktf.out",
      destroy: false,
    });
    for (const s of matrix.stacks) {
      expect(s.planRole).toBe(`arn:aws:iam::${s.account}:role/orgplat-plan`);
      expect(s.deployRole).toBe(`arn:aws:iam::${s.account}:role/orgplat-deploy`);
    }
  });

  it("leaves bootstrap stacks on local state out, saying why", () => {
    const matrix = ciMatrix(example.stacks, org);
    expect(matrix.skipped.map((s) => s.stack).sort()).toEqual(org.accounts.map((a) => `bootstrap-${a.name}`).sort());
    expect(matrix.skipped[0].reason).toContain("bootstrapBackend: local");
  });

  it("deploys org-wide networking first, then the environments in the org file's order", () => {
    expect(ciMatrix(example.stacks, org).environments).toEqual([
      { environment: "shared", githubEnvironment: "shared" },
      { environment: "dev", githubEnvironment: "dev" },
      { environment: "staging", githubEnvironment: "staging" },
      { environment: "prod", githubEnvironment: "prod" },
    ]);
  });

  it("includes the bootstrap stacks (first) once their state is in their buckets", () => {
    const migrated = example.stacks.map((s) =>
      s.name.startsWith("bootstrap-") ? { ...s, backend: { kind: "s3" as const, bucket: "b", key: `${s.name}/terraform.tfstate`, region: "us-east-1" } } : s,
    );
    const matrix = ciMatrix(migrated, org);
    expect(matrix.skipped).toEqual([]);
    expect(matrix.environments[0].environment).toBe("global");
  });

  it("orders an environment after every environment its stacks read from, whatever the preferred order", () => {
    const stack = (name: string, environment: string, dependencies: string[] = []) => ({ name, environment, dependencies }) as unknown as SynthesizedStack;
    const stacks = [stack("a-x", "a", ["b-x"]), stack("b-x", "b", ["c-x"]), stack("c-x", "c")];
    expect(environmentOrder(stacks, ["a", "b", "c"])).toEqual(["c", "b", "a"]);
  });

  it("takes the role names from the org config (access.planRoleName, access.deployRoleName)", () => {
    const input = exampleOrgInput();
    const matrix = ciMatrix(example.stacks, resolveOrg({ ...input, access: { ...input.access, planRoleName: "tf-read", deployRoleName: "tf-write" } }));
    expect(new Set(matrix.stacks.map((s) => s.planRole.split("/")[1]))).toEqual(new Set(["tf-read"]));
    expect(new Set(matrix.stacks.map((s) => s.deployRole.split("/")[1]))).toEqual(new Set(["tf-write"]));
  });

  it("rejects a role name IAM would not accept, naming the field", () => {
    const input = exampleOrgInput();
    expect(() => resolveOrg({ ...input, access: { ...input.access, deployRoleName: "ci role" } })).toThrow(/access\.deployRoleName: must be an IAM role name/);
  });

  it("prints the matrix as one line of JSON for $GITHUB_OUTPUT", () => {
    const io = capturedIo();
    expect(runCiMatrix(["--outdir", example.outdir], io, () => org)).toBe(0);
    expect(io.stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(io.stdout).stacks).toHaveLength(example.stacks.filter((s) => s.backend.kind === "s3").length);
  });

  it("prints '<stack> <deploy role>' lines of one environment in dependency order for the deploy loop", () => {
    const io = capturedIo();
    expect(runCiMatrix(["--outdir", example.outdir, "--env", "dev", "--lines"], io, () => org)).toBe(0);
    const lines = io.stdout.trim().split("\n");
    const names = lines.map((l) => l.split(" ")[0]);
    expect(names.sort()).toEqual(
      example.stacks
        .filter((s) => s.environment === "dev")
        .map((s) => s.name)
        .sort(),
    );
    const order = io.stdout
      .trim()
      .split("\n")
      .map((l) => l.split(" ")[0]);
    expect(order.indexOf("dev-us-east-1-network")).toBeLessThan(order.indexOf("dev-us-east-1-eks-cluster"));
    expect(order.indexOf("dev-us-east-1-eks-cluster")).toBeLessThan(order.indexOf("dev-us-east-1-eks-addons"));
    expect(lines).toContain("dev-us-east-1-batch arn:aws:iam::555555555555:role/orgplat-deploy");
  });

  it("with --affected keeps only the affected stacks, and plans removed ones from the base output for destruction", () => {
    const head = example.stacks.filter((s) => s.name !== "dev-us-east-1-batch");
    const affected = { changed: ["dev-us-east-1-network"], added: [], removed: ["dev-us-east-1-batch"], unaffected: [], total: example.stacks.length };
    const matrix = affectedMatrix(head, org, "cdktf.out", example.outdir, affected);
    expect(matrix.stacks.map((s) => [s.stack, s.outdir, s.destroy])).toEqual([
      ["dev-us-east-1-network", "cdktf.out", false],
      ["dev-us-east-1-batch", example.outdir, true],
    ]);
    expect(matrix.stacks[1].planRole).toBe("arn:aws:iam::555555555555:role/orgplat-plan");
  });

  it("refuses the example's fake accounts synthesized for real AWS: every workflow stops at its matrix", () => {
    const real = synthesizeExample(undefined, {});
    try {
      const io = capturedIo();
      expect(runCiMatrix(["--outdir", real.outdir], io, () => org)).toBe(1);
      expect(io.stderr).toContain("in the example org's fake accounts and synthesized for real AWS");
    } finally {
      real.cleanup();
    }
  });

  it("keeps the CLI contract: --help 0, --affected without --base-outdir 64", () => {
    expect(runCiMatrix(["--help"], capturedIo(), () => org)).toBe(0);
    expect(runCiMatrix(["--affected", "a.json"], capturedIo(), () => org)).toBe(64);
  });
});
