import { purposeRoleArns } from "../modules/access/account-access";
import { LogGroupKey } from "../modules/observability/log-group-key";
import type { AccountStack } from "./account-stack";
import { roleNamesOf } from "./account-access-plan";

const keys = new WeakMap<AccountStack, LogGroupKey>();

/**
 * The one log-group key of `stack` (made on first use): every log group of the stack is encrypted
 * with it. One key per stack rather than per account and region: no stack must exist before
 * another to find a key, and a stack's destroy never strands another stack's log groups.
 */
export function logGroupKeyOf(stack: AccountStack): LogGroupKey {
  const known = keys.get(stack);
  if (known) return known;
  const roles = purposeRoleArns(stack.account.id, roleNamesOf(stack.org), stack.partition);
  const key = new LogGroupKey(stack, "log-group-key", {
    name: stack.node.id,
    accountId: stack.account.id,
    region: stack.region,
    roles: { administrators: [roles.deploy, roles.breakGlass], planner: roles.plan },
  });
  keys.set(stack, key);
  return key;
}
