import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Testing } from "cdktf";
import { StateBucket } from "../../../modules/state/state-bucket";
import { resourcesOf } from "../../support/synth";

describe("StateBucket", () => {
  const text = Testing.synthScope((scope) => new StateBucket(scope, "state", { bucketName: "example-tfstate-222222222222" }));
  const json = JSON.parse(text);

  it("refuses destroy of the bucket and its key", () => {
    expect(text).toHaveResourceWithProperties(S3Bucket, { bucket: "example-tfstate-222222222222", lifecycle: { prevent_destroy: true } });
    expect(text).toHaveResourceWithProperties(KmsKey, { enable_key_rotation: true, lifecycle: { prevent_destroy: true } });
  });

  it("versions and KMS-encrypts every state object", () => {
    expect(text).toHaveResourceWithProperties(S3BucketVersioningA, { versioning_configuration: { status: "Enabled" } });
    const [encryption] = resourcesOf(json, "aws_s3_bucket_server_side_encryption_configuration");
    expect(encryption.rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\.state_key_\w+\.arn\}$/) }, bucket_key_enabled: true },
    ]);
  });

  it("blocks every form of public access", () => {
    expect(text).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
  });

  it("denies any request not made over TLS", () => {
    expect(text).toHaveDataSourceWithProperties(DataAwsIamPolicyDocument, {
      statement: [
        expect.objectContaining({ effect: "Deny", actions: ["s3:*"], condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }] }),
      ],
    });
  });

  it("expires superseded state versions after 90 days by default", () => {
    expect(text).toHaveResourceWithProperties(S3BucketLifecycleConfiguration, {
      rule: [expect.objectContaining({ status: "Enabled", noncurrent_version_expiration: [{ noncurrent_days: 90 }] })],
    });
  });
});
