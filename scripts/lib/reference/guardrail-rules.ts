import type { GuardrailRule } from "../../../modules/guardrails/rule";
import { code, generatedHeader, prose, table } from "./markdown";

/** The guardrail rules as documentation: one row per rule, in the registry's order. */
export function guardrailRulesReference(rules: readonly GuardrailRule[]): string {
  return [
    generatedHeader("Guardrail rules", "the rule registry, `modules/guardrails/rules/`"),
    "",
    "Checked as a cdktf Aspect on every stack at synth; a violation stops the synth with the rule id, the path,",
    "the problem and the fix. How suppressions work: [../guardrails.md](../guardrails.md).",
    "",
    table(
      ["rule", "checks", "why", "fix", "looks at"],
      rules.map((r) => [r.id, prose(r.description), prose(r.why), prose(r.fix), r.appliesTo.map(code).join(", ")]),
    ),
    "",
  ].join("\n");
}
