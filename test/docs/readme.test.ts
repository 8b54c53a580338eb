import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GUARDRAIL_RULES } from "../../modules/guardrails/rules";
import { MOTO_GAPS } from "../e2e/moto-gaps";

const README = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");

function block(name: string): string {
  const start = README.indexOf(`<!-- ${name}:start -->`);
  const end = README.indexOf(`<!-- ${name}:end -->`);
  if (start < 0 || end < start) throw new Error(`README.md has no ${name} block`);
  return README.slice(start, end);
}

describe("README", () => {
  it("lists every declared moto gap, and no other", () => {
    const listed = [...block("moto-gaps").matchAll(/\| `(aws_[a-z0-9_]+)`/g)].map((m) => m[1]).sort();
    expect(listed).toEqual([...new Set(MOTO_GAPS.map((g) => g.resourceType))].sort());
  });

  it("gives exactly two commands for a fresh machine: synth and test", () => {
    const commands = block("fresh-machine").match(/^npm .*$/gm);
    expect(commands).toEqual(["npm ci && npm run synth", "npm ci && npm test"]);
  });

  it("lists every guardrail rule with its description, in the rules' order", () => {
    const rows = block("guardrail-rules").match(/^\| ORG-.*$/gm);
    expect(rows).toEqual(GUARDRAIL_RULES.map((r) => `| ${r.id} | ${r.description} |`));
  });
});
