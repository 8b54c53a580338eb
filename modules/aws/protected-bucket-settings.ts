import type { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import type { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import type { Construct } from "constructs";

/** The settings every bucket holding data starts with; a bucket policy should depend on all of them. */
export interface ProtectedBucketSettings {
  readonly versioning: S3BucketVersioningA;
  readonly encryption: S3BucketServerSideEncryptionConfigurationA;
  readonly publicAccess: S3BucketPublicAccessBlock;
  readonly ownership: S3BucketOwnershipControls;
}

/**
 * Versioning, SSE-KMS under `key` (with a bucket key), every public-access block and bucket-owner
 * ownership for `bucket`. Created in `scope` itself (not a child construct) so the resources keep
 * the addresses the state and archive buckets have always had.
 */
export function protectBucket(scope: Construct, bucket: S3Bucket, key: KmsKey): ProtectedBucketSettings {
  const id = bucket.id;
  return {
    versioning: new S3BucketVersioningA(scope, "versioning", { bucket: id, versioningConfiguration: { status: "Enabled" } }),
    encryption: new S3BucketServerSideEncryptionConfigurationA(scope, "encryption", {
      bucket: id,
      rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }],
    }),
    publicAccess: new S3BucketPublicAccessBlock(scope, "public-access", {
      bucket: id,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    }),
    ownership: new S3BucketOwnershipControls(scope, "ownership", { bucket: id, rule: { objectOwnership: "BucketOwnerEnforced" } }),
  };
}
