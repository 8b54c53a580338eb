import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stackKinds } from "../../scripts/lib/reference/stack-outputs";
import { exampleOrgModel } from "../support/synth";

const ROOT = join(__dirname, "..", "..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");

function block(name: string): string {
  const start = README.indexOf(`<!-- ${name}:start -->`);
  const end = README.indexOf(`<!-- ${name}:end -->`);
  if (start < 0 || end < start) throw new Error(`README.md has no ${name} block`);
  return README.slice(start, end);
}

/** Rows of the README's stack table: stack name pattern → its state cell. */
function stackTable(): Map<string, string> {
  const section = README.slice(README.indexOf("## Stacks and state keys"));
  const rows = section.match(/^\| `[^`]+` \|.*$/gm) ?? [];
  return new Map(rows.map((row) => [row.match(/^\| `([^`]+)`/)![1], row.split(" | ").pop()!.replace(/ \|$/, "")]));
}

describe("README", () => {
  it("gives exactly two commands for a fresh machine: synth and test", () => {
    const commands = block("fresh-machine").match(/^npm .*$/gm);
    expect(commands).toEqual(["npm ci && npm run synth", "npm ci && npm test"]);
  });

  it("stays short: topics live in docs/", () => {
    expect(README.split("\n").length).toBeLessThanOrEqual(250);
  });

  it("lists every kind of stack the app synthesizes, each with its state key", () => {
    const table = stackTable();
    const kinds = [...new Set(stackKinds(exampleOrgModel()).map((s) => s.kind))];
    for (const kind of kinds) expect({ kind, listed: table.has(kind) }).toEqual({ kind, listed: true });
    for (const kind of kinds.filter((k) => !k.startsWith("bootstrap-"))) expect(table.get(kind)).toBe(`\`${kind}/terraform.tfstate\``);
    expect(table.get("bootstrap-<account>")).toContain("`.bootstrap-state/bootstrap-<account>.tfstate`");
  });

  it("links every topic the docs index lists", () => {
    const index = readFileSync(join(ROOT, "docs", "README.md"), "utf8");
    const topics = [...index.matchAll(/^\| \[([a-z-]+\.md)\]/gm)].map((m) => m[1]);
    expect(topics.length).toBeGreaterThanOrEqual(10);
    for (const topic of topics) expect(README).toContain(`](docs/${topic})`);
  });
});
