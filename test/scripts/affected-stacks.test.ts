import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runAffectedStacks } from "../../scripts/affected-stacks";
import { affectedStacks } from "../../scripts/lib/affected-stacks";
import { resolveOrg } from "../../environments/load";
import { exampleOrgInput } from "../support/synth";
import { capturedIo, synthesizeExample } from "./fixtures/example-synth";

/**
 * The pull-request selection end to end: the example org synthesized as the base, then again with
 * one setting changed, and the two outputs compared as the workflow compares them.
 */
describe("affected stacks between two synthesized outputs", () => {
  const base = synthesizeExample();
  const devOnly = (() => {
    const input = exampleOrgInput();
    input.environments.dev.observability = { logRetention: { security: 7 } };
    return synthesizeExample(resolveOrg(input, "dev flow-log retention changed (test)"));
  })();
  const transit = (() => {
    const input = exampleOrgInput();
    input.regions["eu-west-1"].transitGatewayAsn = 64600;
    return synthesizeExample(resolveOrg(input, "eu-west-1 transit ASN changed (test)"));
  })();
  afterAll(() => [base, devOnly, transit].forEach((s) => s.cleanup()));

  it("selects nothing when nothing changed", () => {
    const again = affectedStacks(base.stacks, base.stacks);
    expect({ changed: again.changed, added: again.added, removed: again.removed }).toEqual({ changed: [], added: [], removed: [] });
    expect(again.unaffected).toHaveLength(base.stacks.length);
  });

  it("a dev-only config change selects only dev stacks", () => {
    const affected = affectedStacks(base.stacks, devOnly.stacks);
    expect(affected.changed.length).toBeGreaterThan(0);
    for (const name of affected.changed) expect(name).toMatch(/^dev-/);
    expect(affected.changed).toEqual(expect.arrayContaining(["dev-us-east-1-network", "dev-eu-west-1-network", "dev-ap-southeast-1-network"]));
    expect(affected.added).toEqual([]);
    expect(affected.removed).toEqual([]);
    expect(affected.total).toBe(base.stacks.length);
  });

  it("a transit setting change selects that region's transit stack and nothing else whose output stayed the same", () => {
    const affected = affectedStacks(base.stacks, transit.stacks);
    expect(affected.changed).toEqual(["shared-eu-west-1-transit"]);
    expect(affected.unaffected).toEqual(expect.arrayContaining(["shared-us-east-1-transit", "shared-global-transit-peering", "dev-eu-west-1-network"]));
  });

  it("selects a new stack as added and a dropped one as removed (planned for destruction from the base)", () => {
    const input = exampleOrgInput();
    delete input.environments.dev.batch;
    const withoutBatch = synthesizeExample(resolveOrg(input, "dev without batch (test)"));
    try {
      const dropped = affectedStacks(base.stacks, withoutBatch.stacks);
      expect(dropped.removed).toEqual(base.stacks.map((s) => s.name).filter((n) => /^dev-.*-batch$/.test(n)));
      expect(dropped.removed.length).toBeGreaterThan(0);
      expect(dropped.total).toBe(base.stacks.length);
      const restored = affectedStacks(withoutBatch.stacks, base.stacks);
      expect(restored.added).toEqual(dropped.removed);
    } finally {
      withoutBatch.cleanup();
    }
  });

  it('the command prints "N of M stacks affected" and writes the JSON the workflow reads', () => {
    const io = capturedIo();
    const json = join(devOnly.outdir, "..", "affected.json");
    expect(runAffectedStacks(["--base", base.outdir, "--head", devOnly.outdir, "--json", json], io)).toBe(0);
    const expected = affectedStacks(base.stacks, devOnly.stacks);
    expect(io.stdout.split("\n")[0]).toBe(`${expected.changed.length} of ${base.stacks.length} stacks affected`);
    expect(JSON.parse(readFileSync(json, "utf8"))).toEqual(expected);
  });

  it("keeps the CLI contract: --help 0, a missing or contradictory flag 64", () => {
    expect(runAffectedStacks(["--help"], capturedIo())).toBe(0);
    expect(runAffectedStacks(["--base", base.outdir], capturedIo())).toBe(64);
    expect(runAffectedStacks(["--head", base.outdir, "--base", base.outdir, "--all"], capturedIo())).toBe(64);
  });
});
