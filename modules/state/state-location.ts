import type { AccountModel } from "../../planning/model";
import { regionalArn } from "../../planning/partition";

/** Where one stack's state lives: its own account's bucket, one key per stack, under the account's state key. */
export interface StateLocation {
  readonly account: AccountModel;
  readonly bucket: string;
  readonly key: string;
  readonly region: string;
  /**
   * The account's state KMS key by alias ARN ("arn:aws:kms:<region>:<account>:alias/<org>-tfstate"):
   * known before the key exists, so backends can name it.
   */
  readonly kmsKeyAliasArn: string;
}

/** The state bucket of `account`: "<org>-tfstate-<account id>", unique without any lookup. */
export function stateBucketName(orgName: string, account: AccountModel): string {
  return `${orgName}-tfstate-${account.id}`;
}

/** Alias of every account's state key: "alias/<org>-tfstate". */
export function stateKeyAliasName(orgName: string): string {
  return `alias/${orgName}-tfstate`;
}

/** State key of a stack: "<stack name>/terraform.tfstate", so `aws s3 ls` reads like `cdktf list`. */
export function stateKeyOf(stackName: string): string {
  return `${stackName}/terraform.tfstate`;
}

export function stateLocationOf(orgName: string, stateRegion: string, account: AccountModel, stackName: string): StateLocation {
  return {
    account,
    bucket: stateBucketName(orgName, account),
    key: stateKeyOf(stackName),
    region: stateRegion,
    kmsKeyAliasArn: regionalArn(stateRegion, "kms", account.id, stateKeyAliasName(orgName)),
  };
}
