import type { AccountModel } from "../../environments/model";

/** ARN of the role Terraform assumes in `account` (the same name in every account). */
export function accountRoleArn(account: AccountModel, roleName: string): string {
  return `arn:aws:iam::${account.id}:role/${roleName}`;
}
