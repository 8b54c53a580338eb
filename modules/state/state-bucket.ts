import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketMetric } from "@cdktf/provider-aws/lib/s3-bucket-metric";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { Construct } from "constructs";
import { stateBucketPolicyStatements, stateKeyPolicyStatements, type StateAccessRoleArns } from "./state-access-policies";
import { regionalArn } from "../../planning/partition";
import { protectBucket } from "../aws/protected-bucket-settings";

/** Request-metrics filter of every state bucket: the FilterId dimension of its AWS/S3 4xxErrors and 5xxErrors. */
export const STATE_BUCKET_METRICS_FILTER = "state-requests";

/** The bucket that holds every Terraform state of one account. */
export interface StateBucketProps {
  /** Globally unique bucket name. */
  readonly bucketName: string;
  readonly accountId: string;
  readonly region: string;
  /** Alias of the encryption key, e.g. "alias/example-tfstate": backends name the key by it before it exists. */
  readonly keyAliasName: string;
  /**
   * The roles that may use the state, by ARN. ARNs rather than role objects: the roles' own policies
   * name this bucket and key, and the bucket and key policies must not wait for the roles.
   */
  readonly roles: StateAccessRoleArns;
  /**
   * Days a superseded state version is kept, so a bad apply can be rolled back by hand.
   * @default 90
   */
  readonly noncurrentVersionDays?: number;
}

/**
 * Versioned, KMS-encrypted, private, TLS-only state bucket. Only the account's purpose roles (and the
 * break-glass role) reach its objects, state is written only under the account's own key, and only the
 * deploy role changes the bucket's policy, versioning or lifecycle. Bucket and key refuse
 * `terraform destroy` (prevent_destroy): losing them loses every stack's state.
 */
export class StateBucket extends Construct {
  public readonly bucket: S3Bucket;
  public readonly encryptionKey: KmsKey;
  public readonly keyAlias: KmsAlias;

  constructor(scope: Construct, id: string, props: StateBucketProps) {
    super(scope, id);
    const keyPolicy = new DataAwsIamPolicyDocument(this, "key-policy", {
      statement: stateKeyPolicyStatements({ accountId: props.accountId, region: props.region, roles: props.roles }),
    });
    this.encryptionKey = new KmsKey(this, "key", {
      description: `Encrypts Terraform state in ${props.bucketName}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: keyPolicy.json,
      lifecycle: { preventDestroy: true },
    });
    this.keyAlias = new KmsAlias(this, "key-alias", { name: props.keyAliasName, targetKeyId: this.encryptionKey.keyId });
    this.bucket = new S3Bucket(this, "bucket", {
      bucket: props.bucketName,
      lifecycle: { preventDestroy: true },
    });
    const bucket = this.bucket.id;

    const { versioning, encryption, publicAccess, ownership } = protectBucket(this, this.bucket, this.encryptionKey);
    const lifecycle = new S3BucketLifecycleConfiguration(this, "lifecycle", {
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
    // S3 publishes request metrics (4xx/5xx) only for a bucket with a metrics configuration; the alarms watch them.
    new S3BucketMetric(this, "request-metrics", { bucket, name: STATE_BUCKET_METRICS_FILTER });
    const bucketPolicy = new DataAwsIamPolicyDocument(this, "bucket-policy", {
      statement: stateBucketPolicyStatements({
        bucketArn: this.bucket.arn,
        keyArn: this.encryptionKey.arn,
        keyAliasArn: regionalArn(props.region, "kms", props.accountId, props.keyAliasName),
        roles: props.roles,
      }),
    });
    new S3BucketPolicy(this, "policy", {
      bucket,
      policy: bucketPolicy.json,
      // Last: once the policy stands only the deploy role may change the bucket's settings, so the very
      // first apply (by the break-glass role) sets them all before it. A policy put before the public
      // access block is set can also race it.
      dependsOn: [publicAccess, versioning, encryption, ownership, lifecycle],
    });
  }
}
