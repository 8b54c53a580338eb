import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { AnnotationMetadataEntryType, Aspects, Testing, TerraformStack } from "cdktf";
import { Guardrails } from "../../modules/guardrails/guardrails";
import type { GuardrailContext } from "../../modules/guardrails/rule";

/** A stack whose provider passes every rule, for fixtures of one rule at a time. */
export function guardedStack(context: GuardrailContext = { forbiddenRoleNames: [] }): TerraformStack {
  const stack = new TerraformStack(Testing.app(), "guarded");
  new AwsProvider(stack, "aws", { region: "us-east-1", allowedAccountIds: ["111111111111"] });
  Aspects.of(stack).add(new Guardrails({ context: () => context }));
  return stack;
}

/** The guardrail errors `build` raises in a fresh guarded stack, in the order the rules ran. */
export function guardrailErrorsOf(build: (stack: TerraformStack) => void, context?: GuardrailContext): string[] {
  const stack = guardedStack(context);
  build(stack);
  Testing.synth(stack);
  return stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.ERROR).map((m) => String(m.data)));
}

/** Only the rule ids of `guardrailErrorsOf`, for "trips exactly this rule" assertions. */
export function violatedRules(build: (stack: TerraformStack) => void, context?: GuardrailContext): string[] {
  return guardrailErrorsOf(build, context).map((message) => /^\[([\w-]+)\]/.exec(message)?.[1] ?? message);
}
