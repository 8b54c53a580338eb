import type { AccountModel } from "../planning/model";
import { BOOTSTRAP_STACK_PREFIX } from "../planning/reserved-names";

/**
 * Stack names are part of the product's interface: state keys, `cdktf deploy '<env>-*'`
 * patterns and CI jobs all derive from them. Change the scheme only with a state migration.
 */
export type Concern =
  | "network"
  | "eks-cluster"
  | "eks-crds"
  | "eks-addons"
  | "batch"
  | "transit"
  | "transit-peering"
  | "archive"
  | "oam-sink"
  | "alarms"
  | "net-alarms"
  | "dashboard";

/** "<env>-<region>-<concern>", e.g. "dev-us-east-1-network". */
export function environmentStackName(environment: string, region: string, concern: Concern): string {
  return `${environment}-${region}-${concern}`;
}

/** "bootstrap-<account name>", e.g. "bootstrap-network": the account's state bucket. */
export function bootstrapStackName(account: AccountModel): string {
  return `${BOOTSTRAP_STACK_PREFIX}-${account.name}`;
}
