import { S3Backend, type S3BackendConfig, type TerraformStack } from "cdktf";
import { accountRoleArn } from "../aws/account-role";
import type { DeploymentTarget } from "../aws/deployment-target";
import type { StateLocation } from "./state-location";
import { partitionOf } from "../../planning/partition";

/** How a stack reaches state in its account's bucket. */
export interface StateAccessProps {
  readonly location: StateLocation;
  /**
   * Role assumed in the bucket's account: the stack's purpose role for its own state, the state-reader role for a read of another stack's.
   * @default undefined (the session's own credentials)
   */
  readonly roleName?: string;
  readonly target: DeploymentTarget;
}

/** S3 backend settings shared by a stack's own backend and remote-state reads of it. */
export function s3StateConfig(props: StateAccessProps): S3BackendConfig {
  const { location, target } = props;
  const emulator = target.emulatorEndpoint;
  return {
    bucket: location.bucket,
    key: location.key,
    region: location.region,
    // Without kms_key_id the backend sends SSE-S3 (AES256) headers, which beat the bucket's default KMS key.
    encrypt: true,
    kmsKeyId: location.kmsKeyAliasArn,
    ...(props.roleName
      ? { assumeRole: { roleArn: accountRoleArn(location.account, props.roleName, partitionOf(location.region)), sessionName: "orgplat-state" } }
      : {}),
    ...(emulator
      ? {
          endpoints: { s3: emulator, sts: emulator, iam: emulator, dynamodb: emulator },
          usePathStyle: true,
          skipCredentialsValidation: true,
          skipRequestingAccountId: true,
          skipMetadataApiCheck: true,
          skipRegionValidation: true,
        }
      : {}),
  };
}

/**
 * Stores the stack's state in its own account's bucket, locked with an S3 lock file
 * (Terraform >= 1.10). cdktf 0.21's S3Backend has no `useLockfile`, hence the override.
 */
export function useAccountStateBackend(stack: TerraformStack, props: StateAccessProps): S3Backend {
  const backend = new S3Backend(stack, s3StateConfig(props));
  stack.addOverride("terraform.backend.s3.use_lockfile", true);
  return backend;
}
