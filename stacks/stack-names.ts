import type { AccountModel } from "../environments/model";

/**
 * Stack names are part of the product's interface: state keys, `cdktf deploy '<env>-*'`
 * patterns and CI jobs all derive from them. Change the scheme only with a state migration.
 */
export type Concern = "network" | "eks-cluster" | "eks-crds" | "eks-addons" | "batch" | "transit" | "transit-peering" | "archive" | "oam-sink" | "alarms" | "net-alarms" | "dashboard";

/** "<env>-<region>-<concern>", e.g. "dev-us-east-1-network". */
export function environmentStackName(environment: string, region: string, concern: Concern): string {
  return `${environment}-${region}-${concern}`;
}

/** Region part of the name of a stack that spans every region ("shared-global-transit-peering"). */
export const GLOBAL_REGION = "global";

/** "bootstrap-<account name>", e.g. "bootstrap-network": the account's state bucket. */
export function bootstrapStackName(account: AccountModel): string {
  return `bootstrap-${account.name}`;
}
