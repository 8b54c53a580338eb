import { accountIdsByName, matchesPattern, selectStacks } from "../../../scripts/lib/stack-selection";
import { inDependencyOrder, outdirFrom, type SynthesizedStack } from "../../../scripts/lib/synthesized-stacks";

const stack = (name: string, environment: string, accountId: string, region: string, dependencies: string[] = []): SynthesizedStack => ({
  name,
  dir: `/out/stacks/${name}`,
  dependencies,
  accountId,
  region,
  environment,
  backend: { kind: "s3", bucket: `example-tfstate-${accountId}`, key: `${name}/terraform.tfstate`, region: "us-east-1" },
  resourceCount: 1,
  providers: ["aws"],
  emulator: false,
  json: {},
});

const stacks = [
  stack("bootstrap-network", "global", "222222222222", "us-east-1"),
  stack("bootstrap-workload-dev", "global", "555555555555", "us-east-1"),
  stack("shared-us-east-1-transit", "shared", "222222222222", "us-east-1"),
  stack("dev-us-east-1-network", "dev", "222222222222", "us-east-1", ["shared-us-east-1-transit"]),
  stack("dev-eu-west-1-network", "dev", "222222222222", "eu-west-1"),
  stack("dev-us-east-1-batch", "dev", "555555555555", "us-east-1", ["dev-us-east-1-network"]),
];
const names = (selected: readonly SynthesizedStack[]) => selected.map((s) => s.name);

describe("stack selection", () => {
  it("matches cdktf-style patterns, where only * is special", () => {
    expect(matchesPattern("dev-us-east-1-network", "dev-*")).toBe(true);
    expect(matchesPattern("dev-us-east-1-network", "dev-us-east-1-*")).toBe(true);
    expect(matchesPattern("dev-eu-west-1-network", "dev-us-*")).toBe(false);
    expect(matchesPattern("devXus", "dev.us")).toBe(false);
  });

  it("reads patterns as the cdktf CLI does (minimatch): braces, character classes, ? and *", () => {
    expect(matchesPattern("dev-us-east-1-network", "{dev,shared}-*")).toBe(true);
    expect(matchesPattern("shared-us-east-1-transit", "{dev,shared}-*")).toBe(true);
    expect(matchesPattern("prod-us-east-1-network", "{dev,shared}-*")).toBe(false);
    expect(matchesPattern("dev-eu-west-1-batch", "dev-*-[0-9]-batch")).toBe(true);
    expect(matchesPattern("dev-eu-west-1-batch", "dev-??-west-1-batch")).toBe(true);
    expect(names(selectStacks(stacks, { stacks: ["{dev,shared}-us-east-1-*"] }))).toEqual([
      "shared-us-east-1-transit",
      "dev-us-east-1-network",
      "dev-us-east-1-batch",
    ]);
  });

  it("selects by environment, account (name or id), region and pattern, all of them at once", () => {
    expect(names(selectStacks(stacks, { environment: "dev" }))).toEqual(["dev-us-east-1-network", "dev-eu-west-1-network", "dev-us-east-1-batch"]);
    expect(names(selectStacks(stacks, { account: "workload-dev" }))).toEqual(["bootstrap-workload-dev", "dev-us-east-1-batch"]);
    expect(names(selectStacks(stacks, { account: "555555555555", environment: "dev" }))).toEqual(["dev-us-east-1-batch"]);
    expect(names(selectStacks(stacks, { region: "eu-west-1" }))).toEqual(["dev-eu-west-1-network"]);
    expect(names(selectStacks(stacks, { stacks: ["shared-*", "bootstrap-network"] }))).toEqual(["bootstrap-network", "shared-us-east-1-transit"]);
  });

  it("knows account names from the bootstrap stacks", () => {
    expect(accountIdsByName(stacks)).toEqual(
      new Map([
        ["network", "222222222222"],
        ["workload-dev", "555555555555"],
      ]),
    );
  });

  it("names what exists when a criterion matches nothing", () => {
    expect(() => selectStacks(stacks, { environment: "qa" })).toThrow('no stack of environment "qa"; environments: dev, global, shared');
    expect(() => selectStacks(stacks, { account: "workload-prod" })).toThrow(
      'no stack in account "workload-prod"; accounts: network (222222222222), workload-dev (555555555555)',
    );
    expect(() => selectStacks(stacks, { region: "ap-south-1" })).toThrow('no stack in region "ap-south-1"; regions: eu-west-1, us-east-1');
    expect(() => selectStacks(stacks, { stacks: ["prod-*"] })).toThrow('no stack matches "prod-*"');
  });

  it("orders producers before consumers, and otherwise by name", () => {
    expect(names(inDependencyOrder([...stacks].reverse()))).toEqual([
      "bootstrap-network",
      "bootstrap-workload-dev",
      "dev-eu-west-1-network",
      "shared-us-east-1-transit",
      "dev-us-east-1-network",
      "dev-us-east-1-batch",
    ]);
  });

  it("refuses a dependency cycle, naming it", () => {
    expect(() => inDependencyOrder([stack("a", "x", "1", "r", ["b"]), stack("b", "x", "1", "r", ["a"])])).toThrow("stack dependency cycle: a -> b -> a");
  });

  it("reads the output directory from --outdir, then CDKTF_OUTDIR, then ./cdktf.out", () => {
    expect(outdirFrom("/x/out", { CDKTF_OUTDIR: "/y" })).toBe("/x/out");
    expect(outdirFrom(undefined, { CDKTF_OUTDIR: "/y/out" })).toBe("/y/out");
    expect(outdirFrom(undefined, {})).toBe(`${process.cwd()}/cdktf.out`);
  });
});
