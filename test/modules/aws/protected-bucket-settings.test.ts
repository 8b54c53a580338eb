import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Testing } from "cdktf";
import { protectBucket } from "../../../modules/aws/protected-bucket-settings";

describe("protectBucket", () => {
  const text = Testing.synthScope((scope) => {
    const key = new KmsKey(scope, "key", {});
    const bucket = new S3Bucket(scope, "bucket", { bucket: "data" });
    protectBucket(scope, bucket, key);
  });

  it("versions the bucket and encrypts it under the given key with a bucket key", () => {
    expect(text).toHaveResourceWithProperties(S3BucketVersioningA, { bucket: "${aws_s3_bucket.bucket.id}", versioning_configuration: { status: "Enabled" } });
    expect(text).toHaveResourceWithProperties(S3BucketServerSideEncryptionConfigurationA, {
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: "${aws_kms_key.key.arn}" }, bucket_key_enabled: true }],
    });
  });

  it("blocks every kind of public access and enforces bucket-owner ownership", () => {
    expect(text).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(text).toHaveResourceWithProperties(S3BucketOwnershipControls, { rule: { object_ownership: "BucketOwnerEnforced" } });
  });

  it("creates the settings in the caller's scope, so their addresses are the caller's own", () => {
    const resources = JSON.parse(text).resource as Record<string, Record<string, unknown>>;
    expect(Object.keys(resources.aws_s3_bucket_versioning)).toEqual(["versioning"]);
    expect(Object.keys(resources.aws_s3_bucket_public_access_block)).toEqual(["public-access"]);
  });
});
