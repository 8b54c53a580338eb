import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { EfsFileSystem } from "@cdktf/provider-aws/lib/efs-file-system";
import { EksCluster } from "@cdktf/provider-aws/lib/eks-cluster";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { SqsQueue } from "@cdktf/provider-aws/lib/sqs-queue";
import type { TerraformStack } from "cdktf";
import { DATA_HOLDING_TYPES } from "../../../../modules/guardrails/data-holding";
import { preventDestroy } from "../../../../modules/guardrails/rules/data";
import { guardrailErrorsOf, violatedRules } from "../../../support/guardrails";

const keep = { preventDestroy: true };
const keyPolicy = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:role/admin" }, Action: "kms:*", Resource: "*" }],
});

describe("data guardrails", () => {
  it("ORG-DATA-1 covers every data-holding type of the plan warnings (one list)", () => {
    expect([...preventDestroy.appliesTo].sort()).toEqual(Object.keys(DATA_HOLDING_TYPES).sort());
    expect(preventDestroy.appliesTo).toEqual(expect.arrayContaining(["aws_eks_cluster", "aws_cloudwatch_log_group", "aws_rds_cluster"]));
  });

  it("ORG-DATA-1: a bucket without prevent_destroy stops the synth, naming rule, path and fix", () => {
    expect(guardrailErrorsOf((s) => new S3Bucket(s, "logs", { bucket: "logs" }))).toEqual([
      expect.stringMatching(
        /^\[ORG-DATA-1\] Resources that hold data refuse destroy: aws_s3_bucket guarded\/logs: lifecycle\.prevent_destroy is not set\. Fix: add `lifecycle: \{ preventDestroy: true \}`/,
      ),
    ]);
    expect(violatedRules((s) => new S3Bucket(s, "logs", { bucket: "logs", lifecycle: keep }))).toEqual([]);
  });

  it("ORG-ENC-1: an unencrypted EFS file system trips; an encrypted one passes", () => {
    expect(violatedRules((s) => new EfsFileSystem(s, "fs", { lifecycle: keep }))).toEqual(["ORG-ENC-1"]);
    expect(violatedRules((s) => new EfsFileSystem(s, "fs", { encrypted: true, lifecycle: keep }))).toEqual([]);
  });

  it("ORG-ENC-2: an unencrypted SQS queue trips; SSE-SQS passes", () => {
    expect(violatedRules((s) => new SqsQueue(s, "q", { name: "q" }))).toEqual(["ORG-ENC-2"]);
    expect(violatedRules((s) => new SqsQueue(s, "q", { name: "q", sqsManagedSseEnabled: true }))).toEqual([]);
  });

  it("ORG-ENC-3: an EKS cluster without secrets encryption trips; with it, passes", () => {
    const cluster = (encrypted: boolean) => (s: TerraformStack) =>
      new EksCluster(s, "c", {
        name: "c",
        roleArn: "arn:aws:iam::111111111111:role/c",
        vpcConfig: { subnetIds: ["subnet-1"], endpointPublicAccess: false },
        encryptionConfig: encrypted ? { resources: ["secrets"], provider: { keyArn: "arn:aws:kms:us-east-1:111111111111:key/k" } } : undefined,
        lifecycle: keep,
      });
    expect(violatedRules(cluster(false))).toEqual(["ORG-ENC-3"]);
    expect(violatedRules(cluster(true))).toEqual([]);
  });

  it("ORG-KMS-1: a key without rotation trips; a rotating one with a policy passes", () => {
    expect(violatedRules((s) => new KmsKey(s, "k", { policy: keyPolicy, lifecycle: keep }))).toEqual(["ORG-KMS-1"]);
    expect(violatedRules((s) => new KmsKey(s, "k", { policy: keyPolicy, enableKeyRotation: true, lifecycle: keep }))).toEqual([]);
  });

  it("ORG-KMS-2: a key on the default key policy trips", () => {
    expect(violatedRules((s) => new KmsKey(s, "k", { enableKeyRotation: true, lifecycle: keep }))).toEqual(["ORG-KMS-2"]);
  });

  describe("log groups", () => {
    const key = "arn:aws:kms:us-east-1:111111111111:key/k";
    const security = { LogTier: "security" };
    const tiers = { forbiddenRoleNames: [], logRetentionDays: { security: 365, application: 90, debug: 7 } };

    it("ORG-LOG-1 and ORG-LOG-2: a log group without tier, retention or key trips both; a tiered, keyed one passes", () => {
      expect(violatedRules((s) => new CloudwatchLogGroup(s, "l", { name: "l", lifecycle: keep }))).toEqual(["ORG-LOG-1", "ORG-LOG-2"]);
      expect(violatedRules((s) => new CloudwatchLogGroup(s, "l", { name: "l", retentionInDays: 0, kmsKeyId: key, tags: security, lifecycle: keep }))).toEqual([
        "ORG-LOG-1",
      ]);
      expect(violatedRules((s) => new CloudwatchLogGroup(s, "l", { name: "l", retentionInDays: 365, kmsKeyId: key, tags: security, lifecycle: keep }))).toEqual(
        [],
      );
    });

    it("ORG-LOG-1: a log group with retention but no tier trips, naming the tag and TieredLogGroup", () => {
      expect(guardrailErrorsOf((s) => new CloudwatchLogGroup(s, "l", { name: "l", retentionInDays: 30, kmsKeyId: key, lifecycle: keep }))).toEqual([
        expect.stringMatching(
          /^\[ORG-LOG-1\] .*aws_cloudwatch_log_group guarded\/l: tag LogTier \(the log tier\) is not set\. Fix: make the log group with TieredLogGroup/,
        ),
      ]);
    });

    it("ORG-LOG-1: with the environment's tiers known, a group must keep its own tier's days and name a known tier", () => {
      const group = (days: number, tier: string) => (s: TerraformStack) =>
        new CloudwatchLogGroup(s, "l", { name: "l", retentionInDays: days, kmsKeyId: key, tags: { LogTier: tier }, lifecycle: keep });
      expect(violatedRules(group(365, "security"), tiers)).toEqual([]);
      expect(guardrailErrorsOf(group(90, "security"), tiers)).toEqual([
        expect.stringContaining("retention_in_days is 90, but the security tier keeps 365 days"),
      ]);
      expect(guardrailErrorsOf(group(90, "audit"), tiers)).toEqual([expect.stringContaining('tier "audit" is none of security, application, debug')]);
    });

    it("ORG-LOG-2: a tiered log group without a key trips only the key rule", () => {
      expect(violatedRules((s) => new CloudwatchLogGroup(s, "l", { name: "l", retentionInDays: 365, tags: security, lifecycle: keep }), tiers)).toEqual([
        "ORG-LOG-2",
      ]);
    });
  });
});
