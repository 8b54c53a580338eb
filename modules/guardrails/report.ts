import type { IConstruct } from "constructs";
import { suppressedFindingsUnder, type SuppressedFinding } from "./guardrails";
import { GUARDRAIL_RULES } from "./rules";

/** What the guardrails checked and what they let through, for review tools (cdktf.out/guardrails.json). */
export interface GuardrailReport {
  readonly rules: readonly {
    readonly id: string;
    readonly description: string;
    readonly why: string;
    readonly fix: string;
    readonly appliesTo: readonly string[];
  }[];
  /** Every violation a written reason let through, one per element and rule. */
  readonly suppressed: readonly SuppressedFinding[];
}

/** The report of a synthesized app (the guardrails have run). */
export function guardrailReportOf(app: IConstruct): GuardrailReport {
  return {
    rules: GUARDRAIL_RULES.map(({ id, description, why, fix, appliesTo }) => ({ id, description, why, fix, appliesTo: [...appliesTo] })),
    suppressed: suppressedFindingsUnder(app),
  };
}

/** One line per suppression reason, with the rule and how many elements it covers, for the synth log. */
export function suppressionSummary(report: GuardrailReport): string[] {
  const byReason = new Map<string, SuppressedFinding[]>();
  for (const finding of report.suppressed) {
    const key = `${finding.ruleId}\u0000${finding.reason}`;
    byReason.set(key, [...(byReason.get(key) ?? []), finding]);
  }
  return [...byReason.values()].map((findings) => {
    const { ruleId, reason } = findings[0]!;
    const kinds = [...new Set(findings.map((f) => f.kind))].join(", ");
    return `[${ruleId}] suppressed on ${findings.length} ${kinds} element(s) in ${new Set(findings.map((f) => f.stack)).size} stack(s): ${reason}`;
  });
}
