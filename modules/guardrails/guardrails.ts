import { Annotations, TerraformDataSource, TerraformResource, type IAspect } from "cdktf";
import type { IConstruct } from "constructs";
import { bodyOf, type GuardrailRule } from "./rule";
import { GUARDRAIL_RULES } from "./rules";

const SUPPRESSIONS = "orgplat:guardrail-suppressions";

/** A rule switched off for one construct (and everything under it), with the reason why. */
export interface Suppression {
  readonly ruleId: string;
  readonly reason: string;
}

/**
 * Runs every guardrail rule on every resource at synth time (cdk-nag style). A violation is
 * an error annotation, so synthesis stops and names the rule, the resource path and the fix.
 */
export class Guardrails implements IAspect {
  constructor(private readonly rules: readonly GuardrailRule[] = GUARDRAIL_RULES) {}

  /** Switches `ruleId` off under `scope`; the reason is printed on every synth. */
  public static suppress(scope: IConstruct, ruleId: string, reason: string): void {
    if (!reason.trim()) throw new Error(`a suppression of ${ruleId} at ${scope.node.path} needs a written reason`);
    scope.node.addMetadata(SUPPRESSIONS, { ruleId, reason });
  }

  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource || node instanceof TerraformDataSource)) return;
    const type = node.terraformResourceType;
    const applicable = this.rules.filter((r) => r.appliesTo.includes(type));
    if (!applicable.length) return;
    const body = bodyOf(node);
    for (const rule of applicable) {
      const problem = rule.check(body, node);
      if (!problem) continue;
      const suppression = suppressionFor(node, rule.id);
      if (suppression) {
        Annotations.of(node).addInfo(`[${rule.id}] suppressed: ${suppression.reason}`);
      } else {
        Annotations.of(node).addError(`[${rule.id}] ${rule.description}: ${type} ${node.node.path}: ${problem}. Fix: ${rule.fix}`);
      }
    }
  }
}

function suppressionFor(node: IConstruct, ruleId: string): Suppression | undefined {
  for (const scope of node.node.scopes.slice().reverse()) {
    const found = scope.node.metadata
      .filter((m) => m.type === SUPPRESSIONS)
      .map((m) => m.data as Suppression)
      .find((s) => s.ruleId === ruleId);
    if (found) return found;
  }
  return undefined;
}
