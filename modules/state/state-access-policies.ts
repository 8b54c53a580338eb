import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { accountRootArn, partitionOf, type Partition } from "../../planning/partition";

/** ARNs of the roles of one account that touch its state. */
export interface StateAccessRoleArns {
  /** Applies stacks: writes state, administers the key and the bucket's settings. */
  readonly deploy: string;
  /** Plans: reads state, writes lock files only. */
  readonly plan: string;
  /** Other stacks' reads of this account's outputs, one role per consumer account: read their granted keys only. */
  readonly stateReaders: readonly string[];
  /** Emergencies: administers the key, reaches the objects; cannot decrypt without changing the key policy first. */
  readonly breakGlass: string;
}

/** Key policy statements match the caller through its account and `aws:PrincipalArn`, so no role must exist first. */
type Condition = { readonly test: string; readonly variable: string; readonly values: string[] };

export function rolesOf(
  accountId: string,
  roleArns: readonly string[],
  partition: Partition,
): { principals: DataAwsIamPolicyDocumentStatement["principals"]; condition: Condition[] } {
  return {
    principals: [{ type: "AWS", identifiers: [accountRootArn(partition, accountId)] }],
    condition: [{ test: "ArnEquals", variable: "aws:PrincipalArn", values: [...roleArns] }],
  };
}

/** What `terraform plan` reads of a key when it refreshes it. */
export const KEY_READ_ACTIONS = ["kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListResourceTags"] as const;

/** Administration of a key without any cryptographic use of it. */
export const KEY_ADMINISTRATION_ACTIONS = [
  "kms:DescribeKey",
  "kms:GetKeyPolicy",
  "kms:GetKeyRotationStatus",
  "kms:ListResourceTags",
  "kms:ListGrants",
  "kms:ListKeyPolicies",
  "kms:PutKeyPolicy",
  "kms:EnableKey",
  "kms:DisableKey",
  "kms:EnableKeyRotation",
  "kms:DisableKeyRotation",
  "kms:UpdateKeyDescription",
  "kms:CreateAlias",
  "kms:UpdateAlias",
  "kms:DeleteAlias",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:RevokeGrant",
  "kms:ScheduleKeyDeletion",
  "kms:CancelKeyDeletion",
] as const;

/** Who may administer a key (without using it) and who may read it for plans. */
export interface KeyRoles {
  readonly administrators: readonly string[];
  readonly planner: string;
}

/**
 * The two statements every account key of the platform starts with: its administrators manage it
 * without any cryptographic use, the plan role reads what a refresh reads. Each key adds who may use it.
 */
export function keyRoleStatements(accountId: string, roles: KeyRoles, partition: Partition): DataAwsIamPolicyDocumentStatement[] {
  return [
    {
      sid: "KeyAdministrationWithoutUse",
      effect: "Allow",
      actions: [...KEY_ADMINISTRATION_ACTIONS],
      resources: ["*"],
      ...rolesOf(accountId, roles.administrators, partition),
    },
    { sid: "KeyReadForPlans", effect: "Allow", actions: [...KEY_READ_ACTIONS], resources: ["*"], ...rolesOf(accountId, [roles.planner], partition) },
  ];
}

/**
 * The state key's policy: the deploy and break-glass roles administer it but cannot encrypt or decrypt
 * with it; state is encrypted and decrypted only through S3 in this account (`kms:ViaService`,
 * `kms:CallerAccount`): by the deploy role (and the plan role, for its lock files), read by the state reader.
 */
export function stateKeyPolicyStatements(props: {
  readonly accountId: string;
  readonly region: string;
  readonly roles: StateAccessRoleArns;
}): DataAwsIamPolicyDocumentStatement[] {
  const { accountId, region, roles } = props;
  const partition = partitionOf(region);
  const viaS3: Condition[] = [
    { test: "StringEquals", variable: "kms:ViaService", values: [`s3.${region}.amazonaws.com`] },
    { test: "StringEquals", variable: "kms:CallerAccount", values: [accountId] },
  ];
  const withVia = (base: ReturnType<typeof rolesOf>) => ({ ...base, condition: [...base.condition, ...viaS3] });
  return [
    {
      sid: "KeyAdministrationWithoutUse",
      effect: "Allow",
      actions: [...KEY_ADMINISTRATION_ACTIONS],
      resources: ["*"],
      ...rolesOf(accountId, [roles.deploy, roles.breakGlass], partition),
    },
    { sid: "KeyReadForPlans", effect: "Allow", actions: [...KEY_READ_ACTIONS], resources: ["*"], ...rolesOf(accountId, [roles.plan], partition) },
    {
      sid: "StateWritesThroughS3",
      effect: "Allow",
      actions: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
      resources: ["*"],
      ...withVia(rolesOf(accountId, [roles.deploy, roles.plan], partition)),
    },
    ...(roles.stateReaders.length
      ? [
          {
            sid: "StateReadsThroughS3",
            effect: "Allow",
            actions: ["kms:Decrypt", "kms:DescribeKey"],
            resources: ["*"],
            ...withVia(rolesOf(accountId, roles.stateReaders, partition)),
          },
        ]
      : []),
  ];
}

const OBJECT_READS = ["s3:GetObject", "s3:GetObjectVersion"];
const OBJECT_WRITES = ["s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion"];
/** Settings that keep state safe; only the deploy role may change them once the policy stands. */
export const PROTECTED_BUCKET_SETTINGS = [
  "s3:PutBucketPolicy",
  "s3:DeleteBucketPolicy",
  "s3:PutBucketVersioning",
  "s3:PutLifecycleConfiguration",
  "s3:PutEncryptionConfiguration",
  "s3:PutBucketPublicAccessBlock",
  "s3:PutBucketOwnershipControls",
  "s3:DeleteBucket",
] as const;

const everyone = { principals: [{ type: "*", identifiers: ["*"] }] };

/** Denials only: what the roles may do comes from their own policies and these limits. */
export function stateBucketPolicyStatements(props: {
  readonly bucketArn: string;
  readonly keyArn: string;
  readonly keyAliasArn: string;
  readonly roles: StateAccessRoleArns;
}): DataAwsIamPolicyDocumentStatement[] {
  const { bucketArn, roles } = props;
  const objects = `${bucketArn}/*`;
  const stateObjects = `${bucketArn}/*.tfstate`;
  return [
    {
      sid: "DenyInsecureTransport",
      effect: "Deny",
      ...everyone,
      actions: ["s3:*"],
      resources: [bucketArn, objects],
      condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
    },
    {
      sid: "DenyStateNotUnderTheStateKey",
      effect: "Deny",
      ...everyone,
      actions: ["s3:PutObject"],
      resources: [stateObjects],
      // The backend names the key by alias; S3 may match the request by the key's ARN.
      condition: [{ test: "StringNotEquals", variable: "s3:x-amz-server-side-encryption-aws-kms-key-id", values: [props.keyAliasArn, props.keyArn] }],
    },
    {
      sid: "DenyObjectsToOtherPrincipals",
      effect: "Deny",
      ...everyone,
      actions: [...OBJECT_READS, ...OBJECT_WRITES],
      resources: [objects],
      condition: [{ test: "ArnNotEquals", variable: "aws:PrincipalArn", values: [roles.deploy, roles.plan, ...roles.stateReaders, roles.breakGlass] }],
    },
    {
      sid: "DenyStateWritesByPlansAndReaders",
      effect: "Deny",
      ...everyone,
      actions: OBJECT_WRITES,
      resources: [stateObjects],
      condition: [{ test: "ArnEquals", variable: "aws:PrincipalArn", values: [roles.plan, ...roles.stateReaders] }],
    },
    ...(roles.stateReaders.length
      ? [
          {
            sid: "DenyAnyWriteByStateReaders",
            effect: "Deny",
            ...everyone,
            actions: OBJECT_WRITES,
            resources: [objects],
            condition: [{ test: "ArnEquals", variable: "aws:PrincipalArn", values: [...roles.stateReaders] }],
          },
        ]
      : []),
    {
      sid: "DenySettingChangesExceptByDeploy",
      effect: "Deny",
      ...everyone,
      actions: [...PROTECTED_BUCKET_SETTINGS],
      resources: [bucketArn],
      condition: [{ test: "ArnNotEquals", variable: "aws:PrincipalArn", values: [roles.deploy] }],
    },
  ];
}
