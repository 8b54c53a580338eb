import { Annotations, TerraformStack, type IAspect } from "cdktf";
import type { IConstruct } from "constructs";
import { subjectOf, type GuardrailContext, type GuardrailRule } from "./rule";
import { GUARDRAIL_RULES } from "./rules";

const SUPPRESSIONS = "orgplat:guardrail-suppressions";
const SUPPRESSED_FINDINGS = "orgplat:guardrail-suppressed";

/** A rule switched off for one construct (and everything under it), with the reason why. */
export interface Suppression {
  readonly ruleId: string;
  readonly reason: string;
  /** Only these subject kinds (e.g. `aws_kms_key`, `backend.s3`) below the construct. @default every kind */
  readonly kinds?: readonly string[];
}

/** A violation a suppression turned into a note: printed on every synth and written to the report. */
export interface SuppressedFinding {
  readonly ruleId: string;
  readonly reason: string;
  readonly stack: string;
  readonly path: string;
  readonly kind: string;
  readonly problem: string;
}

/** How a stack runs its guardrails. */
export interface GuardrailsOptions {
  /** @default GUARDRAIL_RULES (every rule) */
  readonly rules?: readonly GuardrailRule[];
  /**
   * Read when the aspect runs (at synth), so a stack can settle it after construction.
   * @default no forbidden role names (ORG-ROLE-1 is off)
   */
  readonly context?: () => GuardrailContext;
}

/**
 * Runs every guardrail rule on every resource, data source, provider, backend and remote-state
 * read at synth time (cdk-nag style). A violation is an error annotation, so synthesis stops and
 * names the rule, the path, the problem and the fix.
 */
export class Guardrails implements IAspect {
  private readonly rules: readonly GuardrailRule[];
  private readonly context: () => GuardrailContext;

  constructor(options: GuardrailsOptions = {}) {
    this.rules = options.rules ?? GUARDRAIL_RULES;
    this.context = options.context ?? (() => ({ forbiddenRoleNames: [] }));
  }

  /**
   * Switches `ruleId` off under `scope` (only for `kinds` when given); the reason is printed on
   * every synth and written to the guardrail report.
   */
  public static suppress(scope: IConstruct, ruleId: string, reason: string, kinds?: readonly string[]): void {
    if (!reason.trim()) throw new Error(`a suppression of ${ruleId} at ${scope.node.path} needs a written reason`);
    const suppression: Suppression = kinds ? { ruleId, reason, kinds } : { ruleId, reason };
    scope.node.addMetadata(SUPPRESSIONS, suppression);
  }

  public visit(node: IConstruct): void {
    const subject = subjectOf(node);
    if (!subject) return;
    const applicable = this.rules.filter((r) => r.appliesTo.includes(subject.kind));
    if (!applicable.length) return;
    const context = this.context();
    for (const rule of applicable) {
      const problem = rule.check(subject, context);
      if (!problem) continue;
      const suppression = suppressionFor(node, rule.id, subject.kind);
      if (suppression) {
        const finding: SuppressedFinding = {
          ruleId: rule.id,
          reason: suppression.reason,
          stack: TerraformStack.of(node).node.id,
          path: node.node.path,
          kind: subject.kind,
          problem,
        };
        node.node.addMetadata(SUPPRESSED_FINDINGS, finding);
        Annotations.of(node).addInfo(`[${rule.id}] suppressed: ${suppression.reason}`);
      } else {
        Annotations.of(node).addError(`[${rule.id}] ${rule.description}: ${subject.kind} ${node.node.path}: ${problem}. Fix: ${rule.fix}`);
      }
    }
  }
}

/** Every suppressed finding under `root`, after a synth has run the guardrails. */
export function suppressedFindingsUnder(root: IConstruct): SuppressedFinding[] {
  return root.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === SUPPRESSED_FINDINGS).map((m) => m.data as SuppressedFinding));
}

function suppressionFor(node: IConstruct, ruleId: string, kind: string): Suppression | undefined {
  for (const scope of node.node.scopes.slice().reverse()) {
    const found = scope.node.metadata
      .filter((m) => m.type === SUPPRESSIONS)
      .map((m) => m.data as Suppression)
      .find((s) => s.ruleId === ruleId && (!s.kinds || s.kinds.includes(kind)));
    if (found) return found;
  }
  return undefined;
}
