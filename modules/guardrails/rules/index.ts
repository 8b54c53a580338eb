import type { GuardrailRule } from "../rule";
import { ACCESS_RULES } from "./access";
import { DATA_RULES } from "./data";
import { IAM_RULES } from "./iam";
import { NETWORK_RULES } from "./network";

/** Every guardrail, in the order the report lists them. */
export const GUARDRAIL_RULES: readonly GuardrailRule[] = [...ACCESS_RULES, ...IAM_RULES, ...NETWORK_RULES, ...DATA_RULES];
