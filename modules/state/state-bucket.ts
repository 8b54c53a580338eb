import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Construct } from "constructs";

/** The bucket that holds every Terraform state of one account. */
export interface StateBucketProps {
  /** Globally unique bucket name. */
  readonly bucketName: string;
  /**
   * Days a superseded state version is kept, so a bad apply can be rolled back by hand.
   * @default 90
   */
  readonly noncurrentVersionDays?: number;
}

/**
 * Versioned, KMS-encrypted, private, TLS-only state bucket. Bucket and key refuse
 * `terraform destroy` (prevent_destroy): losing them loses every stack's state.
 */
export class StateBucket extends Construct {
  public readonly bucket: S3Bucket;
  public readonly encryptionKey: KmsKey;

  constructor(scope: Construct, id: string, props: StateBucketProps) {
    super(scope, id);
    this.encryptionKey = new KmsKey(this, "key", {
      description: `Encrypts Terraform state in ${props.bucketName}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      lifecycle: { preventDestroy: true },
    });
    this.bucket = new S3Bucket(this, "bucket", {
      bucket: props.bucketName,
      lifecycle: { preventDestroy: true },
    });
    const bucket = this.bucket.id;

    new S3BucketVersioningA(this, "versioning", {
      bucket,
      versioningConfiguration: { status: "Enabled" },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, "encryption", {
      bucket,
      rule: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: this.encryptionKey.arn },
          bucketKeyEnabled: true,
        },
      ],
    });
    const publicAccess = new S3BucketPublicAccessBlock(this, "public-access", {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    new S3BucketOwnershipControls(this, "ownership", {
      bucket,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    });
    new S3BucketLifecycleConfiguration(this, "lifecycle", {
      bucket,
      rule: [
        {
          id: "expire-old-state-versions",
          status: "Enabled",
          filter: [{ prefix: "" }],
          noncurrentVersionExpiration: [{ noncurrentDays: props.noncurrentVersionDays ?? 90 }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
    });
    const tlsOnly = new DataAwsIamPolicyDocument(this, "tls-only", {
      statement: [
        {
          sid: "DenyInsecureTransport",
          effect: "Deny",
          principals: [{ type: "*", identifiers: ["*"] }],
          actions: ["s3:*"],
          resources: [this.bucket.arn, `${this.bucket.arn}/*`],
          condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
        },
      ],
    });
    new S3BucketPolicy(this, "policy", {
      bucket,
      policy: tlsOnly.json,
      // A policy put before the public access block is set can race it.
      dependsOn: [publicAccess],
    });
  }
}
