import type { TerraformStack } from "cdktf";
import { Guardrails } from "../modules/guardrails/guardrails";

/**
 * Guardrail findings the org's stacks accept, each with the reason a reviewer can check. Listed
 * on every synth and in cdktf.out/guardrails.json.
 */
export function suppressKnownExceptions(stack: TerraformStack): void {
  const suppress = (ruleId: string, kinds: readonly string[], reason: string) => Guardrails.suppress(stack, ruleId, reason, kinds);
  suppress(
    "ORG-DATA-1",
    ["aws_eks_cluster"],
    "a cluster holds no data that is not re-created from code (the add-on stacks and workloads' own deployments; persistent volumes live on EFS, which keeps prevent_destroy); " +
      "Kubernetes upgrades are in place and retiring an environment destroys its cluster by design; the plan summary flags a cluster a plan destroys as data at risk",
  );
}
