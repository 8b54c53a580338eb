import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Testing } from "cdktf";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { StateBucket } from "../../../modules/state/state-bucket";
import { resourcesOf, type StackJson } from "../../support/synth";

const role = (name: string) => `arn:aws:iam::222222222222:role/${name}`;
const ROLES = {
  deploy: role("orgplat-deploy"),
  plan: role("orgplat-plan"),
  stateReaders: [role("orgplat-state-reader-network"), role("orgplat-state-reader-workload-dev")],
  breakGlass: role("OrganizationAccountAccessRole"),
};

type Statement = { sid: string; effect: string; actions: string[]; resources: string[]; condition?: { test: string; variable: string; values: string[] }[] };
/** Statements of the policy document whose data source id contains `id`. */
function statementsOf(json: StackJson, id: string): Statement[] {
  const [name] = Object.keys(json.data!.aws_iam_policy_document).filter((k) => k.includes(id));
  return json.data!.aws_iam_policy_document[name].statement as Statement[];
}
const bySid = (statements: Statement[], sid: string): Statement => statements.find((s) => s.sid === sid)!;

describe("StateBucket", () => {
  const text = Testing.synthScope(
    (scope) =>
      new StateBucket(scope, "state", {
        bucketName: "example-tfstate-222222222222",
        accountId: "222222222222",
        region: "us-east-1",
        keyAliasName: "alias/example-tfstate",
        roles: ROLES,
      }),
  );
  const json = JSON.parse(text) as StackJson;

  it("refuses destroy of the bucket and its key", () => {
    expect(text).toHaveResourceWithProperties(S3Bucket, { bucket: "example-tfstate-222222222222", lifecycle: { prevent_destroy: true } });
    expect(text).toHaveResourceWithProperties(KmsKey, { enable_key_rotation: true, lifecycle: { prevent_destroy: true } });
  });

  it("versions and KMS-encrypts every state object", () => {
    expect(text).toHaveResourceWithProperties(S3BucketVersioningA, { versioning_configuration: { status: "Enabled" } });
    const [encryption] = resourcesOf(json, "aws_s3_bucket_server_side_encryption_configuration");
    expect(encryption.rule).toEqual([
      {
        apply_server_side_encryption_by_default: {
          sse_algorithm: "aws:kms",
          kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\.state_key_\w+\.arn\}$/),
        },
        bucket_key_enabled: true,
      },
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
      statement: expect.arrayContaining([
        expect.objectContaining({ effect: "Deny", actions: ["s3:*"], condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }] }),
      ]),
    });
  });

  it("names its key by the alias every backend uses", () => {
    expect(resourcesOf(json, "aws_kms_alias")).toEqual([expect.objectContaining({ name: "alias/example-tfstate" })]);
  });

  it("denies writing state under any key but the account's state key", () => {
    const deny = bySid(statementsOf(json, "bucket-policy"), "DenyStateNotUnderTheStateKey");
    expect(deny).toMatchObject({ effect: "Deny", actions: ["s3:PutObject"], resources: [expect.stringMatching(/\/\*\.tfstate$/)] });
    expect(deny.condition).toEqual([
      {
        test: "StringNotEquals",
        variable: "s3:x-amz-server-side-encryption-aws-kms-key-id",
        values: ["arn:aws:kms:us-east-1:222222222222:alias/example-tfstate", expect.stringMatching(/aws_kms_key\.state_key_\w+\.arn/)],
      },
    ]);
  });

  it("denies its objects to every principal but the deploy, plan, state-reader and break-glass roles", () => {
    const deny = bySid(statementsOf(json, "bucket-policy"), "DenyObjectsToOtherPrincipals");
    expect(deny.actions).toEqual(expect.arrayContaining(["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]));
    expect(deny.condition).toEqual([
      { test: "ArnNotEquals", variable: "aws:PrincipalArn", values: [ROLES.deploy, ROLES.plan, ...ROLES.stateReaders, ROLES.breakGlass] },
    ]);
  });

  it("lets plans write lock files only, and the state readers write nothing", () => {
    const statements = statementsOf(json, "bucket-policy");
    expect(bySid(statements, "DenyStateWritesByPlansAndReaders")).toMatchObject({
      resources: [expect.stringMatching(/\/\*\.tfstate$/)],
      condition: [{ values: [ROLES.plan, ...ROLES.stateReaders] }],
    });
    expect(bySid(statements, "DenyAnyWriteByStateReaders")).toMatchObject({
      resources: [expect.stringMatching(/\/\*$/)],
      condition: [{ values: ROLES.stateReaders }],
    });
  });

  it("lets only the deploy role change its policy, versioning or lifecycle, and puts the policy last", () => {
    const deny = bySid(statementsOf(json, "bucket-policy"), "DenySettingChangesExceptByDeploy");
    expect(deny.actions).toEqual(
      expect.arrayContaining(["s3:PutBucketPolicy", "s3:DeleteBucketPolicy", "s3:PutBucketVersioning", "s3:PutLifecycleConfiguration"]),
    );
    expect(deny.condition).toEqual([{ test: "ArnNotEquals", variable: "aws:PrincipalArn", values: [ROLES.deploy] }]);
    const [policy] = resourcesOf(json, "aws_s3_bucket_policy");
    for (const type of [
      "aws_s3_bucket_versioning",
      "aws_s3_bucket_lifecycle_configuration",
      "aws_s3_bucket_server_side_encryption_configuration",
      "aws_s3_bucket_public_access_block",
    ]) {
      expect(policy.depends_on).toEqual(expect.arrayContaining([expect.stringContaining(`${type}.`)]));
    }
    expect(text).toHaveResource(S3BucketPolicy);
  });

  describe("its key policy", () => {
    const statements = statementsOf(json, "key-policy");
    const crypto = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"];

    it("lets the deploy and break-glass roles administer the key without any cryptographic use", () => {
      const admin = bySid(statements, "KeyAdministrationWithoutUse");
      expect(admin.condition).toEqual([{ test: "ArnEquals", variable: "aws:PrincipalArn", values: [ROLES.deploy, ROLES.breakGlass] }]);
      expect(admin.actions.filter((a) => crypto.includes(a) || /^kms:(Encrypt|Decrypt|ReEncrypt|GenerateDataKey)/.test(a))).toEqual([]);
    });

    it("has no statement granting kms:* or trusting the whole account", () => {
      for (const s of statements) {
        expect(s.actions).not.toContain("kms:*");
        expect(s.condition?.some((c) => c.variable === "aws:PrincipalArn")).toBe(true);
      }
    });

    it("uses the key only through S3 in this account: deploy and plan (locks) encrypt, the state readers only decrypt", () => {
      const viaS3 = [
        { test: "StringEquals", variable: "kms:ViaService", values: ["s3.us-east-1.amazonaws.com"] },
        { test: "StringEquals", variable: "kms:CallerAccount", values: ["222222222222"] },
      ];
      expect(bySid(statements, "StateWritesThroughS3").condition).toEqual([
        { test: "ArnEquals", variable: "aws:PrincipalArn", values: [ROLES.deploy, ROLES.plan] },
        ...viaS3,
      ]);
      const reads = bySid(statements, "StateReadsThroughS3");
      expect(reads.actions).toEqual(["kms:Decrypt", "kms:DescribeKey"]);
      expect(reads.condition).toEqual([{ test: "ArnEquals", variable: "aws:PrincipalArn", values: ROLES.stateReaders }, ...viaS3]);
    });
  });

  it("expires superseded state versions after 90 days by default", () => {
    expect(text).toHaveResourceWithProperties(S3BucketLifecycleConfiguration, {
      rule: [expect.objectContaining({ status: "Enabled", noncurrent_version_expiration: [{ noncurrent_days: 90 }] })],
    });
  });
});
