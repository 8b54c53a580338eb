import type { AccountModel, OrgModel } from "../../planning/model";
import { arnOf, type Partition } from "../../planning/partition";

/**
 * Why Terraform acts in an account; each purpose assumes its own role there.
 * - `plan`: read-only (pull requests, drift, `npm run plan`); the default, so a forgotten switch never writes.
 * - `deploy`: applies stacks (`cdktf deploy`, the deploy workflow).
 * - `break-glass`: the admin role (`accessRoleName`), for the very first bootstrap and emergencies only.
 * - `session`: no role is assumed; the session's own credentials act (CI: each job's GitHub OIDC session
 *   is already the stack account's plan or deploy role, so a plan saved by the plan role can be
 *   applied by the deploy role; the roles' trusts decide which job gets which).
 */
export const ROLE_PURPOSES = ["plan", "deploy", "break-glass", "session"] as const;
export type RolePurpose = (typeof ROLE_PURPOSES)[number];

export function isRolePurpose(value: string): value is RolePurpose {
  return (ROLE_PURPOSES as readonly string[]).includes(value);
}

/** ARN of the role named `roleName` in `account` (the same name in every account). */
export function accountRoleArn(account: Pick<AccountModel, "id">, roleName: string, partition: Partition): string {
  return arnOf(partition, { service: "iam", account: account.id, resource: `role/${roleName}` });
}

/** The role name every provider and backend of a stack assumes for `purpose`; undefined for the session's own credentials. */
export function purposeRoleName(org: Pick<OrgModel, "access" | "accessRoleName">, purpose: RolePurpose): string | undefined {
  switch (purpose) {
    case "session":
      return undefined;
    case "plan":
      return org.access.planRoleName;
    case "deploy":
      return org.access.deployRoleName;
    case "break-glass":
      return org.accessRoleName;
  }
}

/**
 * Name of the role in a producer account through which `consumer`'s stacks read state there:
 * one per consumer account, so each reads exactly the keys its own stacks read.
 */
export function stateReaderRoleName(org: Pick<OrgModel, "access">, consumer: Pick<AccountModel, "name">): string {
  return `${org.access.stateReaderRoleName}-${consumer.name}`;
}
