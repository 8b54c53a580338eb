import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { loadOrgFile, resolveOrg } from "../../environments/load";
import { ConfigError } from "../../environments/problems";
import { exampleOrgInput } from "../support/synth";

/**
 * Whatever a file holds, the loader answers with a resolved org or a ConfigError that lists
 * problems with a path and a message: never a TypeError or any other exception. (That a rejected
 * file writes nothing is checked through the app itself in test/app/broken-orgs.test.ts.)
 */

/** Runs per property; the seed is printed on failure, so a counterexample replays with `seed`. */
const RUNS = 250;

/** Names and values real mistakes and JavaScript's object prototype make dangerous. */
const trickyText = fc.constantFrom(
  "constructor",
  "toString",
  "__proto__",
  "valueOf",
  "hasOwnProperty",
  "prototype",
  "",
  " ",
  "0",
  "-1",
  "1e400",
  "NaN",
  "null",
  "10.0.0.0/8",
  "10.0.0.0/29",
  "10.0.0.1/16",
  "300.0.0.0/16",
  "use1-az9",
  "us-east-1a",
  "us-east-7",
  "1.40",
  "1.29",
  "@every 1h",
  "0 0 * * 7",
  "*/0 * * * *",
  "<<",
  "workload-dev",
  "network",
  "blue",
  "green",
  "ou-ab12-cd34ef56",
  "012345678901",
);
const trickyValue = fc.oneof(
  trickyText,
  fc.constantFrom(null, true, false, 0, -1, 1.5, 64511, 4200000000, 4294967295, 2 ** 53, Number.MAX_VALUE, [], {}),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Every path to a value inside the example org, so mutations reach every field. */
function pathsOf(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
  if (typeof value !== "object" || value === null) return [[...prefix]];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [[...prefix], ...entries.flatMap(([key, v]) => pathsOf(v, [...prefix, key]))];
}

const EXAMPLE_PATHS = pathsOf(exampleOrgInput()).filter((p) => p.length > 0);

type Mutation =
  | { kind: "set"; at: number; value: unknown }
  | { kind: "delete"; at: number }
  | { kind: "rename"; at: number; name: string }
  | { kind: "add"; at: number; name: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: trickyValue }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("rename" as const), at: fc.nat(), name: fc.oneof(trickyText, fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant("add" as const), at: fc.nat(), name: fc.oneof(trickyText, fc.string({ maxLength: 8 })), value: trickyValue }),
);

/** The example org with the mutations applied, each at a path that still exists by then. */
function mutatedExample(mutations: readonly Mutation[]): Record<string, unknown> {
  const org = exampleOrgInput() as unknown as Record<string, unknown>;
  for (const m of mutations) {
    const path = EXAMPLE_PATHS[m.at % EXAMPLE_PATHS.length];
    const parent = path
      .slice(0, -1)
      .reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), org);
    if (!parent || typeof parent !== "object") continue;
    const container = parent as Record<string | number, unknown>;
    const key = path[path.length - 1];
    if (!Object.prototype.hasOwnProperty.call(container, key)) continue;
    if (m.kind === "set") container[key] = structuredClone(m.value);
    else if (m.kind === "delete") delete container[key];
    else if (m.kind === "rename" && !Array.isArray(container)) {
      Object.defineProperty(container, m.name, { value: container[key], enumerable: true, writable: true, configurable: true });
      if (m.name !== key) delete container[key];
    } else if (m.kind === "add" && !Array.isArray(container)) {
      Object.defineProperty(container, m.name, { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true });
    }
  }
  return org;
}

/** Resolves `load()` and says which of the two allowed outcomes it had; anything else throws. */
function outcomeOf(load: () => unknown): "model" | "config-error" {
  try {
    const model = load() as { environments?: unknown };
    expect(Array.isArray(model.environments)).toBe(true);
    return "model";
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    expect(e.problems.length).toBeGreaterThan(0);
    for (const problem of e.problems) {
      expect(typeof problem.path).toBe("string");
      expect(problem.message.length).toBeGreaterThan(0);
    }
    return "config-error";
  }
}

describe("the org loader under arbitrary input", () => {
  const work = mkdtempSync(join(tmpdir(), "orgplat-fuzz-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("answers any value with a model or a ConfigError", () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withSparseArray: true, withBoxedValues: true }),
        (input) => {
          outcomeOf(() => resolveOrg(input, "fuzz"));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("answers every mutation of the example org with a model or a ConfigError, through JSON as a file arrives", () => {
    const outcomes = { model: 0, "config-error": 0 };
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const file = join(work, "org.json");
        writeFileSync(file, JSON.stringify(mutatedExample(mutations)));
        outcomes[outcomeOf(() => loadOrgFile(file))]++;
      }),
      { numRuns: RUNS },
    );
    // Both outcomes occur, so the mutations neither break everything nor nothing.
    expect(outcomes.model).toBeGreaterThan(0);
    expect(outcomes["config-error"]).toBeGreaterThan(RUNS / 2);
  });

  it("answers damaged YAML text of the example org with a model or a ConfigError", () => {
    const text = stringify(exampleOrgInput());
    const damage = fc.record({
      at: fc.nat({ max: text.length }),
      cut: fc.nat({ max: 40 }),
      insert: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("\t", "\uFEFF", ": ", "- ", "<<: *x\n", "&a ", "*a", "---\n", "{", "'")),
    });
    fc.assert(
      fc.property(fc.array(damage, { minLength: 1, maxLength: 3 }), (damages) => {
        const damaged = damages.reduce((t, d) => t.slice(0, d.at) + d.insert + t.slice(d.at + d.cut), text);
        const file = join(work, "org.yaml");
        writeFileSync(file, damaged);
        outcomeOf(() => loadOrgFile(file));
      }),
      { numRuns: RUNS },
    );
  });

  it("answers arbitrary text as a YAML or JSON file with a model or a ConfigError", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), fc.boolean(), (text, asJson) => {
        const file = join(work, asJson ? "any.json" : "any.yaml");
        writeFileSync(file, text);
        outcomeOf(() => loadOrgFile(file));
      }),
      { numRuns: RUNS },
    );
  });
});
