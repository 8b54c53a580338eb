import type { GuardrailRule } from "./rule";
import { ACCESS_RULES } from "./rules/access";
import { DATA_RULES } from "./rules/data";
import { IAM_RULES } from "./rules/iam";
import { NETWORK_RULES } from "./rules/network";

/** Every guardrail, in the order the report lists them. */
export const GUARDRAIL_RULES: readonly GuardrailRule[] = [...ACCESS_RULES, ...IAM_RULES, ...NETWORK_RULES, ...DATA_RULES];
