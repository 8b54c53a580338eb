import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { Construct } from "constructs";
import type { AccountModel } from "../../planning/model";
import { accountRoleArn } from "./account-role";
import type { DeploymentTarget } from "./deployment-target";
import { emulatorEndpoints } from "./emulator-endpoints";
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
 * at plan instead of creating resources in the wrong account.
 */
export function awsProviderFor(scope: Construct, id: string, props: AccountProviderProps): AwsProvider {
  const emulator = props.target.emulatorEndpoint;
  return new AwsProvider(scope, id, {
    region: props.region,
    alias: props.alias,
    allowedAccountIds: [props.account.id],
    assumeRole: props.roleName ? [{ roleArn: accountRoleArn(props.account, props.roleName, partitionOf(props.region)), sessionName: "orgplat" }] : undefined,
    defaultTags: [{ tags: { ...props.tags } }],
    ...(emulator
      ? {
          endpoints: [emulatorEndpoints(emulator)],
          s3UsePathStyle: true,
          skipCredentialsValidation: true,
          skipMetadataApiCheck: "true",
          skipRegionValidation: true,
        }
      : {}),
  });
}
