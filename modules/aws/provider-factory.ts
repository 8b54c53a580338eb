import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { Construct } from "constructs";
import type { AccountModel } from "../../planning/model";
import { accountRoleArn } from "./account-role";
import type { DeploymentTarget } from "./deployment-target";
import { partitionOf } from "../../planning/partition";

/** An AWS provider that acts inside one account and region. */
export interface AccountProviderProps {
  readonly account: AccountModel;
  readonly region: string;
  /**
   * Role assumed in `account`.
   * @default undefined (the session's own credentials, which must already be in `account`)
   */
  readonly roleName?: string;
  /** Applied to every resource through default_tags. */
  readonly tags: Readonly<Record<string, string>>;
  readonly target: DeploymentTarget;
  /**
   * Provider alias, for a second region in the same stack (e.g. a peering accepter).
   * @default undefined (the stack's default provider)
   */
  readonly alias?: string;
}

/**
 * One provider per account × region. `allowed_account_ids` makes a mis-assumed role fail
 * at plan instead of creating resources in the wrong account. For an emulator target terraform
 * runs with `AWS_ENDPOINT_URL` set to the emulator (see DeploymentTarget.emulatorEndpoint).
 */
export function awsProviderFor(scope: Construct, id: string, props: AccountProviderProps): AwsProvider {
  return new AwsProvider(scope, id, {
    region: props.region,
    alias: props.alias,
    allowedAccountIds: [props.account.id],
    assumeRole: props.roleName ? [{ roleArn: accountRoleArn(props.account, props.roleName, partitionOf(props.region)), sessionName: "orgplat" }] : undefined,
    defaultTags: [{ tags: { ...props.tags } }],
    // No `endpoints` block for an emulator: the provider takes the emulator's URL from AWS_ENDPOINT_URL
    // (every service, none left to reach real AWS). The block, even empty, costs each provider process
    // ~3 CPU-s before its first answer (measured with 5.100.0: a plan of bootstrap-network 14.6 CPU-s with
    // it, 6.8 without), and terraform starts two or three such processes per command.
    ...(props.target.emulatorEndpoint
      ? {
          s3UsePathStyle: true,
          skipCredentialsValidation: true,
          skipMetadataApiCheck: "true",
          skipRegionValidation: true,
        }
      : {}),
  });
}
