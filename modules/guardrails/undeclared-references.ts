/** The parts of a stack's Terraform JSON that declare and reference addresses. */
export interface StackTerraformJson {
  readonly resource?: Record<string, Record<string, unknown>>;
  readonly data?: Record<string, Record<string, unknown>>;
  readonly [block: string]: unknown;
}

/** `aws_vpc.main` or `data.aws_iam_policy_document.trust`, not inside a longer traversal or a quoted string. */
const ADDRESS = /(?<![\w."-])(data\.)?([a-z][a-z0-9]*_[a-z0-9_]*)\.([A-Za-z_][\w-]*)/g;

/**
 * The resource and data-source addresses a stack's JSON refers to but does not declare, each
 * with where it is used (e.g. `resource.aws_subnet.a.vpc_id`). Such a reference is a token of
 * another stack used directly: Terraform would reject it at plan ("Reference to undeclared
 * resource"); this names it at synth. Looks into `${...}` interpolations (not `$${` escapes)
 * and `depends_on` lists.
 */
export function undeclaredReferences(tf: StackTerraformJson): { address: string; usedAt: string }[] {
  const declared = new Set<string>();
  for (const [type, byName] of Object.entries(tf.resource ?? {})) for (const name of Object.keys(byName)) declared.add(`${type}.${name}`);
  for (const [type, byName] of Object.entries(tf.data ?? {})) for (const name of Object.keys(byName)) declared.add(`data.${type}.${name}`);
  const found: { address: string; usedAt: string }[] = [];
  const check = (expression: string, usedAt: string) => {
    for (const [, data, type, name] of expression.matchAll(ADDRESS)) {
      const address = `${data ?? ""}${type}.${name}`;
      if (!declared.has(address)) found.push({ address, usedAt });
    }
  };
  const walk = (value: unknown, path: string): void => {
    if (typeof value === "string") {
      interpolations(value).forEach((expression) => check(expression, path));
    } else if (Array.isArray(value)) {
      const isDependsOn = path.endsWith(".depends_on");
      value.forEach((item, i) => (isDependsOn && typeof item === "string" ? check(item, `${path}[${i}]`) : walk(item, `${path}[${i}]`)));
    } else if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
    }
  };
  walk(tf, "");
  return found;
}

/** The expressions of every `${...}` in a template string, nested braces included. */
function interpolations(template: string): string[] {
  const expressions: string[] = [];
  let start = template.indexOf("${");
  while (start !== -1) {
    if (template[start - 1] === "$") {
      start = template.indexOf("${", start + 2);
      continue;
    }
    let depth = 0;
    let end = start + 2;
    for (; end < template.length; end++) {
      if (template[end] === "{") depth++;
      else if (template[end] === "}" && depth-- === 0) break;
    }
    expressions.push(template.slice(start + 2, end));
    start = template.indexOf("${", end);
  }
  return expressions;
}
