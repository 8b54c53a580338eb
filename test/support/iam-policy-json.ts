import type { StackJson } from "./synth";

type DocumentStatement = {
  sid?: string;
  effect?: string;
  actions?: string[];
  not_actions?: string[];
  resources?: string[];
  principals?: { type: string; identifiers: string[] }[];
  condition?: { test: string; variable: string; values: string[] }[];
};

/** An IAM policy as AWS evaluates it: what an `aws_iam_policy_document` data source renders. */
export interface IamPolicyJson {
  Version: "2012-10-17";
  Statement: Record<string, unknown>[];
}

/**
 * The policy a synthesized `aws_iam_policy_document` renders, with Terraform references replaced by
 * `values` (e.g. `{ "aws_s3_bucket.state_bucket_803B4E61.arn": "arn:aws:s3:::b" }`). A reference
 * without a value fails, so no policy is evaluated half-resolved.
 */
export function renderPolicyDocument(json: StackJson, idFragment: string, values: Readonly<Record<string, string>>): IamPolicyJson {
  const matches = Object.entries(json.data?.aws_iam_policy_document ?? {}).filter(([name]) => name.includes(idFragment));
  if (matches.length !== 1) throw new Error(`expected one policy document matching "${idFragment}", found ${matches.map(([n]) => n).join(", ") || "none"}`);
  const resolve = (text: string): string =>
    text.replace(/\$\{([^}]+)\}/g, (_, ref: string) => {
      if (!(ref in values)) throw new Error(`no value for \${${ref}} in policy document "${matches[0][0]}"`);
      return values[ref];
    });
  const statements = (matches[0][1].statement as DocumentStatement[]).map((s) => {
    const rendered: Record<string, unknown> = { Effect: s.effect ?? "Allow" };
    if (s.sid) rendered.Sid = s.sid;
    if (s.actions) rendered.Action = s.actions;
    if (s.not_actions) rendered.NotAction = s.not_actions;
    rendered.Resource = (s.resources ?? ["*"]).map(resolve);
    if (s.principals) {
      rendered.Principal = Object.fromEntries(s.principals.map((p) => [p.type, p.type === "*" ? "*" : p.identifiers.map(resolve)]));
      if (s.principals.some((p) => p.type === "*")) rendered.Principal = "*";
    }
    if (s.condition?.length) {
      const condition: Record<string, Record<string, string[]>> = {};
      for (const c of s.condition) (condition[c.test] ??= {})[c.variable] = c.values.map(resolve);
      rendered.Condition = condition;
    }
    return rendered;
  });
  return { Version: "2012-10-17", Statement: statements };
}
