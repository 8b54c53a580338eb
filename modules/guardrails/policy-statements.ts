import type { CheckedSubject, ResourceBody } from "./rule";

/** One IAM policy statement in one shape, whether it came from a policy document or policy JSON. */
export interface PolicyStatement {
  readonly effect: "Allow" | "Deny";
  readonly actions: readonly string[];
  readonly notActions: readonly string[];
  readonly resources: readonly string[];
  readonly notResources: readonly string[];
  /** Principal type ("AWS", "Service", "Federated", "*") to identifiers. */
  readonly principals: readonly { readonly type: string; readonly identifiers: readonly string[] }[];
  /** Operator ("StringEquals"), condition key and values, one per key. */
  readonly conditions: readonly { readonly test: string; readonly variable: string; readonly values: readonly string[] }[];
}

/** Subject kinds that carry IAM policies, literal or as a policy document. */
export const POLICY_KINDS = ["aws_iam_policy_document", "aws_iam_policy", "aws_iam_role_policy", "aws_iam_role"] as const;

const list = (value: unknown): string[] => (value === undefined || value === null ? [] : ([] as unknown[]).concat(value).map(String));

/**
 * The statements of a policy subject. A policy assembled from tokens (`${data...json}`) yields
 * none here: it is checked where it is built, as its policy document.
 */
export function statementsOf(subject: CheckedSubject): PolicyStatement[] {
  const { kind, body } = subject;
  if (kind === "aws_iam_policy_document") return ((body.statement as ResourceBody[] | undefined) ?? []).map(fromDocumentStatement);
  const json = kind === "aws_iam_role" ? body.assume_role_policy : body.policy;
  return typeof json === "string" ? fromPolicyJson(json) : [];
}

function fromDocumentStatement(s: ResourceBody): PolicyStatement {
  const principals = [...((s.principals as ResourceBody[] | undefined) ?? []), ...((s.not_principals as ResourceBody[] | undefined) ?? [])];
  return {
    effect: s.effect === "Deny" ? "Deny" : "Allow",
    actions: list(s.actions),
    notActions: list(s.not_actions),
    resources: list(s.resources),
    notResources: list(s.not_resources),
    principals: principals.map((p) => ({ type: String(p.type), identifiers: list(p.identifiers) })),
    conditions: ((s.condition as ResourceBody[] | undefined) ?? []).map((c) => ({
      test: String(c.test),
      variable: String(c.variable),
      values: list(c.values),
    })),
  };
}

function fromPolicyJson(json: string): PolicyStatement[] {
  let doc: { Statement?: ResourceBody | ResourceBody[] };
  try {
    doc = JSON.parse(json) as typeof doc;
  } catch {
    return [];
  }
  const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
  return statements.map((s) => ({
    effect: s.Effect === "Deny" ? "Deny" : "Allow",
    actions: list(s.Action),
    notActions: list(s.NotAction),
    resources: list(s.Resource),
    notResources: list(s.NotResource),
    principals: principalsOf(s.Principal ?? s.NotPrincipal),
    conditions: Object.entries((s.Condition as Record<string, Record<string, unknown>> | undefined) ?? {}).flatMap(([test, byKey]) =>
      Object.entries(byKey).map(([variable, values]) => ({ test, variable, values: list(values) })),
    ),
  }));
}

function principalsOf(principal: unknown): PolicyStatement["principals"] {
  if (principal === undefined) return [];
  if (principal === "*") return [{ type: "*", identifiers: ["*"] }];
  return Object.entries(principal as Record<string, unknown>).map(([type, ids]) => ({ type, identifiers: list(ids) }));
}

/** Whether a statement is a role trust: it lets a principal assume the role. */
export function isTrustStatement(s: PolicyStatement): boolean {
  return s.effect === "Allow" && s.principals.length > 0 && s.actions.some((a) => /^sts:AssumeRole/i.test(a));
}
