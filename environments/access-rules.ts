import type { ConfigProblem } from "./problems";
import type { OrgConfig } from "./schema";

/**
 * Every purpose role must trust someone, or IAM refuses it (a trust policy needs a statement) and
 * nobody could plan or deploy: CI through `access.github`, people through `access.operators`. The
 * management account never trusts CI, so its roles need people.
 */
export function accessProblems(org: OrgConfig): ConfigProblem[] {
  const access = org.access;
  if (!access) return []; // reported by the schema
  const problems: ConfigProblem[] = [];
  const hasManagement = (org.accounts ?? []).some((a) => a.role === "management");
  for (const purpose of ["plan", "deploy"] as const) {
    const people = access.operators[purpose].length > 0;
    if (people) continue;
    if (!access.github) {
      problems.push({
        path: `access.operators.${purpose}`,
        message: `nobody may assume the ${purpose} role: set access.github.repository (CI through GitHub OIDC) or list people's role ARNs here, e.g. ["arn:aws:iam::111111111111:role/platform-engineers"]`,
      });
    } else if (hasManagement) {
      problems.push({
        path: `access.operators.${purpose}`,
        message: `the management account's ${purpose} role trusts no CI, so it needs people: list their role ARNs here, e.g. ["arn:aws:iam::111111111111:role/platform-engineers"]`,
      });
    }
  }
  return problems;
}
