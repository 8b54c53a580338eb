import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { Testing } from "cdktf";
import { ARCHIVE_TAMPERING_ACTIONS, FlowLogArchiveBucket } from "../../../modules/observability/flow-log-archive-bucket";
import { flowLogArchiveBucketName, flowLogArchiveDestination } from "../../../modules/observability/flow-log-archive-location";
import { resourcesOf, type StackJson } from "../../support/synth";

const role = (name: string) => `arn:aws:iam::444444444444:role/${name}`;
type Statement = {
  sid: string;
  effect: string;
  actions: string[];
  resources: string[];
  principals: { type: string; identifiers: string[] }[];
  condition?: { test: string; variable: string; values: string[] }[];
};

describe("FlowLogArchiveBucket", () => {
  const text = Testing.synthScope(
    (scope) =>
      new FlowLogArchiveBucket(scope, "archive", {
        bucketName: flowLogArchiveBucketName("example", "444444444444", "eu-west-1"),
        accountId: "444444444444",
        region: "eu-west-1",
        sourceAccountIds: ["222222222222"],
        retentionDays: 365,
        roles: { administrators: [role("orgplat-deploy"), role("OrganizationAccountAccessRole")], planner: role("orgplat-plan") },
      }),
  );
  const json = JSON.parse(text) as StackJson;
  const statementsOf = (id: string) => Object.entries(json.data!.aws_iam_policy_document).find(([k]) => k.includes(id))![1].statement as Statement[];
  const bucketStatement = (sid: string) => statementsOf("bucket-policy").find((s) => s.sid === sid)!;
  const delivery = [
    { test: "StringEquals", variable: "aws:SourceAccount", values: ["222222222222"] },
    { test: "ArnLike", variable: "aws:SourceArn", values: ["arn:aws:logs:eu-west-1:222222222222:*"] },
  ];

  it("names the bucket predictably from org, archive account and region, and the network stacks' destination from it", () => {
    expect(text).toHaveResourceWithProperties(S3Bucket, { bucket: "example-flow-logs-444444444444-eu-west-1", lifecycle: { prevent_destroy: true } });
    expect(flowLogArchiveDestination("example", "444444444444", "eu-west-1", "prod")).toBe("arn:aws:s3:::example-flow-logs-444444444444-eu-west-1/prod");
  });

  it("is versioned, private and encrypted with the archive account's own rotated key", () => {
    expect(text).toHaveResourceWithProperties(S3BucketVersioningA, { versioning_configuration: { status: "Enabled" } });
    expect(text).toHaveResourceWithProperties(S3BucketPublicAccessBlock, {
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(text).toHaveResourceWithProperties(KmsKey, { enable_key_rotation: true, lifecycle: { prevent_destroy: true } });
    expect(resourcesOf(json, "aws_s3_bucket_server_side_encryption_configuration")[0].rule).toEqual([
      {
        apply_server_side_encryption_by_default: {
          sse_algorithm: "aws:kms",
          kms_master_key_id: expect.stringMatching(/^\$\{aws_kms_key\.archive_key_\w+\.arn\}$/),
        },
        bucket_key_enabled: true,
      },
    ]);
  });

  it("expires archived records after the security tier's days", () => {
    const [lifecycle] = resourcesOf(json, "aws_s3_bucket_lifecycle_configuration");
    expect(lifecycle.rule).toEqual([expect.objectContaining({ status: "Enabled", expiration: [{ days: 365 }] })]);
  });

  it("lets only log delivery for the network account's own deliveries in this region write, under that account's prefix", () => {
    expect(bucketStatement("FlowLogDeliveryWrite")).toMatchObject({
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["delivery.logs.amazonaws.com"] }],
      actions: ["s3:PutObject"],
      resources: [expect.stringMatching(/\.arn\}\/\*\/AWSLogs\/222222222222\/\*$/)],
      condition: [...delivery, { test: "StringEquals", variable: "s3:x-amz-acl", values: ["bucket-owner-full-control"] }],
    });
    expect(bucketStatement("FlowLogDeliveryAclCheck")).toMatchObject({ actions: ["s3:GetBucketAcl", "s3:ListBucket"], condition: delivery });
  });

  it("denies the network account every delete and every change of policy, versioning or lifecycle", () => {
    expect(bucketStatement("DenyTamperingBySourceAccounts")).toMatchObject({
      effect: "Deny",
      principals: [{ type: "*", identifiers: ["*"] }],
      actions: expect.arrayContaining([
        "s3:DeleteObject",
        "s3:DeleteObjectVersion",
        "s3:PutLifecycleConfiguration",
        "s3:PutBucketPolicy",
        "s3:PutBucketVersioning",
      ]),
      condition: [{ test: "StringEquals", variable: "aws:PrincipalAccount", values: ["222222222222"] }],
    });
    expect(bucketStatement("DenyTamperingBySourceAccounts").actions).toEqual([...ARCHIVE_TAMPERING_ACTIONS]);
    const allows = statementsOf("bucket-policy").filter((s) => s.effect === "Allow");
    expect(allows.flatMap((s) => s.actions).filter((a) => /Delete/.test(a))).toEqual([]);
  });

  it("refuses every request without TLS", () => {
    expect(bucketStatement("DenyInsecureTransport")).toMatchObject({
      effect: "Deny",
      actions: ["s3:*"],
      condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
    });
  });

  it("lets log delivery use the key only for the network account's deliveries in this region; the administrators never use it", () => {
    const key = statementsOf("key-policy");
    expect(key.find((s) => s.sid === "FlowLogDeliveryOfSourceAccounts")).toMatchObject({
      principals: [{ type: "Service", identifiers: ["delivery.logs.amazonaws.com"] }],
      condition: delivery,
    });
    expect(key.find((s) => s.sid === "KeyAdministrationWithoutUse")!.actions.filter((a) => /Encrypt|Decrypt|GenerateDataKey/.test(a))).toEqual([]);
  });
});
