import { DataAwsIamPolicyDocument, type DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { Construct } from "constructs";
import { keyRoleStatements } from "../state/state-access-policies";
import { partitionOf, regionalArn } from "../../planning/partition";
import { protectBucket } from "../aws/protected-bucket-settings";

const LOG_DELIVERY = "delivery.logs.amazonaws.com";

type Condition = { readonly test: string; readonly variable: string; readonly values: string[] };

/** What a source account could use to erase or weaken the archive: denied to it outright. */
export const ARCHIVE_TAMPERING_ACTIONS = [
  "s3:DeleteObject",
  "s3:DeleteObjectVersion",
  "s3:PutObjectAcl",
  "s3:PutObjectVersionAcl",
  "s3:PutLifecycleConfiguration",
  "s3:PutBucketPolicy",
  "s3:DeleteBucketPolicy",
  "s3:PutBucketVersioning",
  "s3:DeleteBucket",
] as const;

export interface FlowLogArchiveBucketProps {
  /** Globally unique, derived (see flowLogArchiveBucketName). */
  readonly bucketName: string;
  /** The log-archive account and the region of the bucket (the region of the VPCs it archives). */
  readonly accountId: string;
  readonly region: string;
  /** Accounts whose flow logs may be delivered here (the network account). */
  readonly sourceAccountIds: readonly string[];
  /** Days an archived record is kept: the org's security tier. */
  readonly retentionDays: number;
  /** Administer the bucket's key without using it (the deploy and break-glass roles), and read it in plans (the plan role). */
  readonly roles: { readonly administrators: readonly string[]; readonly planner: string };
}

/**
 * The log-archive account's copy of the VPC flow logs of one region: versioned, SSE-KMS under the
 * archive account's own key, TLS-only, private, expiring by the security tier, refusing destroy.
 * Only the log delivery service writes, and only on behalf of the source accounts' own log
 * deliveries in this region (`aws:SourceAccount`, `aws:SourceArn`); the source accounts themselves
 * can neither delete objects nor change the bucket's policy, versioning or lifecycle.
 */
export class FlowLogArchiveBucket extends Construct {
  public readonly bucket: S3Bucket;
  public readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: FlowLogArchiveBucketProps) {
    super(scope, id);
    const { accountId, region, roles } = props;
    const deliveryConditions: Condition[] = [
      { test: "StringEquals", variable: "aws:SourceAccount", values: [...props.sourceAccountIds] },
      { test: "ArnLike", variable: "aws:SourceArn", values: props.sourceAccountIds.map((source) => regionalArn(region, "logs", source, "*")) },
    ];
    const keyPolicy = new DataAwsIamPolicyDocument(this, "key-policy", {
      statement: [
        ...keyRoleStatements(accountId, roles, partitionOf(region)),
        {
          sid: "FlowLogDeliveryOfSourceAccounts",
          effect: "Allow",
          actions: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:DescribeKey"],
          resources: ["*"],
          principals: [{ type: "Service", identifiers: [LOG_DELIVERY] }],
          condition: deliveryConditions,
        },
      ],
    });
    this.key = new KmsKey(this, "key", {
      description: `Archived VPC flow logs in ${props.bucketName}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: keyPolicy.json,
      lifecycle: { preventDestroy: true },
    });
    new KmsAlias(this, "key-alias", { name: `alias/orgplat/flow-log-archive`, targetKeyId: this.key.keyId });
    this.bucket = new S3Bucket(this, "bucket", { bucket: props.bucketName, lifecycle: { preventDestroy: true } });
    const bucket = this.bucket.id;
    const { versioning, encryption, publicAccess, ownership } = protectBucket(this, this.bucket, this.key);
    const lifecycle = new S3BucketLifecycleConfiguration(this, "lifecycle", {
      bucket,
      rule: [
        {
          id: "expire-by-security-tier",
          status: "Enabled",
          filter: [{ prefix: "" }],
          expiration: [{ days: props.retentionDays }],
          // Delivery never overwrites; a noncurrent version only appears when someone deletes, and stays a month for review.
          noncurrentVersionExpiration: [{ noncurrentDays: 30 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
    });
    const policy = new DataAwsIamPolicyDocument(this, "bucket-policy", {
      statement: archiveBucketPolicyStatements(this.bucket.arn, props.sourceAccountIds, deliveryConditions),
    });
    new S3BucketPolicy(this, "policy", { bucket, policy: policy.json, dependsOn: [publicAccess, versioning, encryption, ownership, lifecycle] });
  }
}

function archiveBucketPolicyStatements(
  bucketArn: string,
  sourceAccountIds: readonly string[],
  deliveryConditions: readonly Condition[],
): DataAwsIamPolicyDocumentStatement[] {
  const everyone = { principals: [{ type: "*", identifiers: ["*"] }] };
  const logDelivery = { principals: [{ type: "Service", identifiers: [LOG_DELIVERY] }] };
  return [
    {
      sid: "DenyInsecureTransport",
      effect: "Deny",
      ...everyone,
      actions: ["s3:*"],
      resources: [bucketArn, `${bucketArn}/*`],
      condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
    },
    {
      sid: "FlowLogDeliveryAclCheck",
      effect: "Allow",
      ...logDelivery,
      actions: ["s3:GetBucketAcl", "s3:ListBucket"],
      resources: [bucketArn],
      condition: [...deliveryConditions],
    },
    {
      sid: "FlowLogDeliveryWrite",
      effect: "Allow",
      ...logDelivery,
      actions: ["s3:PutObject"],
      // Delivery writes "<folder>/AWSLogs/<source account>/vpcflowlogs/<region>/…": each source only under its own account.
      resources: sourceAccountIds.map((source) => `${bucketArn}/*/AWSLogs/${source}/*`),
      condition: [...deliveryConditions, { test: "StringEquals", variable: "s3:x-amz-acl", values: ["bucket-owner-full-control"] }],
    },
    {
      sid: "DenyTamperingBySourceAccounts",
      effect: "Deny",
      ...everyone,
      actions: [...ARCHIVE_TAMPERING_ACTIONS],
      resources: [bucketArn, `${bucketArn}/*`],
      condition: [{ test: "StringEquals", variable: "aws:PrincipalAccount", values: [...sourceAccountIds] }],
    },
  ];
}
