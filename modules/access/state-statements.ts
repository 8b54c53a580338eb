import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import type { StateBucket } from "../state/state-bucket";

/** Identity-policy statements on an account's state bucket and key, by what the holder does with state. */
export interface StateUse {
  readonly stateBucket: StateBucket;
  /** Region of the bucket: the key is used only through S3 there. */
  readonly region: string;
}

/** Where the S3 backend keeps non-default workspaces (its default `workspace_key_prefix`, plus "/"). */
const WORKSPACE_PREFIX = "env:/";

const viaS3 = (region: string) => [{ test: "StringEquals", variable: "kms:ViaService", values: [`s3.${region}.amazonaws.com`] }];

/** Reads and writes every state object of the account (the deploy role). */
export function stateReadWrite({ stateBucket, region }: StateUse): DataAwsIamPolicyDocumentStatement[] {
  return [
    { sid: "ListStateBucket", effect: "Allow", actions: ["s3:ListBucket"], resources: [stateBucket.bucket.arn] },
    { sid: "ReadWriteState", effect: "Allow", actions: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], resources: [`${stateBucket.bucket.arn}/*`] },
    {
      sid: "EncryptStateThroughS3",
      effect: "Allow",
      actions: ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
      resources: [stateBucket.encryptionKey.arn],
      condition: viaS3(region),
    },
  ];
}

/** Reads every state object and writes only lock files (the plan role: `terraform plan` takes the lock). */
export function stateReadAndLock({ stateBucket, region }: StateUse): DataAwsIamPolicyDocumentStatement[] {
  return [
    { sid: "ListStateBucket", effect: "Allow", actions: ["s3:ListBucket"], resources: [stateBucket.bucket.arn] },
    { sid: "ReadState", effect: "Allow", actions: ["s3:GetObject"], resources: [`${stateBucket.bucket.arn}/*`] },
    { sid: "TakeStateLocks", effect: "Allow", actions: ["s3:PutObject", "s3:DeleteObject"], resources: [`${stateBucket.bucket.arn}/*.tflock`] },
    {
      sid: "DecryptStateAndEncryptLocksThroughS3",
      effect: "Allow",
      actions: ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"],
      resources: [stateBucket.encryptionKey.arn],
      condition: viaS3(region),
    },
  ];
}

/** Reads exactly `keys` (the state reader: other stacks' remote-state reads). */
export function stateReadOnly({ stateBucket, region }: StateUse, keys: readonly string[]): DataAwsIamPolicyDocumentStatement[] {
  return [
    {
      sid: "ListGrantedStateKeys",
      effect: "Allow",
      actions: ["s3:ListBucket"],
      resources: [stateBucket.bucket.arn],
      // The S3 backend lists the workspace prefix ("env:/") before it reads a state, remote-state reads included.
      condition: [{ test: "StringEquals", variable: "s3:prefix", values: [WORKSPACE_PREFIX, ...keys] }],
    },
    { sid: "ReadGrantedStateKeys", effect: "Allow", actions: ["s3:GetObject"], resources: keys.map((key) => `${stateBucket.bucket.arn}/${key}`) },
    {
      sid: "DecryptStateThroughS3",
      effect: "Allow",
      actions: ["kms:Decrypt", "kms:DescribeKey"],
      resources: [stateBucket.encryptionKey.arn],
      condition: viaS3(region),
    },
  ];
}
