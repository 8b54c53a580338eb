import { LOG_TIER_TAG } from "../../observability/tiered-log-group";
import { DATA_HOLDING_TYPES } from "../data-holding";
import type { GuardrailRule } from "../rule";

export const preventDestroy: GuardrailRule = {
  id: "ORG-DATA-1",
  description: "Resources that hold data refuse destroy",
  why: "a destroy or a replacing change loses what no apply brings back (state, objects, keys, log evidence)",
  appliesTo: Object.keys(DATA_HOLDING_TYPES),
  check: ({ body }) =>
    (body.lifecycle as { prevent_destroy?: unknown } | undefined)?.prevent_destroy === true ? undefined : "lifecycle.prevent_destroy is not set",
  fix: "add `lifecycle: { preventDestroy: true }` to the resource",
};

export const efsEncrypted: GuardrailRule = {
  id: "ORG-ENC-1",
  description: "EFS file systems are encrypted at rest",
  why: "encryption cannot be turned on later without copying the file system",
  appliesTo: ["aws_efs_file_system"],
  check: ({ body }) => (body.encrypted === true ? undefined : "encrypted is not true"),
  fix: "set `encrypted: true` (and a `kmsKeyId`)",
};

export const sqsEncrypted: GuardrailRule = {
  id: "ORG-ENC-2",
  description: "SQS queues are encrypted at rest",
  why: "messages can carry instance and account details",
  appliesTo: ["aws_sqs_queue"],
  check: ({ body }) =>
    body.sqs_managed_sse_enabled === true || body.kms_master_key_id ? undefined : "neither sqs_managed_sse_enabled nor kms_master_key_id is set",
  fix: "set `sqsManagedSseEnabled: true` or a `kmsMasterKeyId`",
};

export const eksSecretsEncrypted: GuardrailRule = {
  id: "ORG-ENC-3",
  description: "EKS clusters encrypt Kubernetes secrets with KMS",
  why: "without envelope encryption, secrets sit in etcd readable to anyone with its backups",
  appliesTo: ["aws_eks_cluster"],
  check: ({ body }) => (body.encryption_config ? undefined : "encryption_config is missing"),
  fix: 'add `encryptionConfig: { resources: ["secrets"], provider: { keyArn } }`',
};

export const kmsRotation: GuardrailRule = {
  id: "ORG-KMS-1",
  description: "KMS keys rotate their key material",
  why: "a key that never rotates keeps every ciphertext of its lifetime under one secret",
  appliesTo: ["aws_kms_key"],
  check: ({ body }) => (body.enable_key_rotation === true ? undefined : "enable_key_rotation is not true"),
  fix: "set `enableKeyRotation: true`",
};

export const kmsExplicitPolicy: GuardrailRule = {
  id: "ORG-KMS-2",
  description: "KMS keys carry an explicit key policy",
  why: "the default key policy lets every principal of the account that IAM allows use the key, so the key is no boundary",
  appliesTo: ["aws_kms_key"],
  check: ({ body }) => (typeof body.policy === "string" && body.policy.trim() ? undefined : "policy is not set (the default key policy applies)"),
  fix: "set `policy` to a key policy naming the roles that administer and use the key",
};

export const logRetention: GuardrailRule = {
  id: "ORG-LOG-1",
  description: "Log groups declare a retention tier and keep its days",
  why: "without retention, logs are kept (and billed) forever; a group outside the tiers escapes the environment's retention settings",
  appliesTo: ["aws_cloudwatch_log_group"],
  check: ({ body }, context) => {
    const tier = (body.tags as Record<string, unknown> | undefined)?.[LOG_TIER_TAG];
    if (typeof tier !== "string") return `tag ${LOG_TIER_TAG} (the log tier) is not set`;
    const days = body.retention_in_days;
    if (typeof days !== "number" || days <= 0) return "retention_in_days is not set";
    const tierDays = context.logRetentionDays;
    if (!tierDays) return undefined;
    if (!Object.prototype.hasOwnProperty.call(tierDays, tier)) return `tier "${tier}" is none of ${Object.keys(tierDays).join(", ")}`;
    return days === tierDays[tier] ? undefined : `retention_in_days is ${days}, but the ${tier} tier keeps ${tierDays[tier]} days`;
  },
  fix: "make the log group with TieredLogGroup (modules/observability/tiered-log-group.ts), which sets the tier tag and its days",
};

export const logEncryption: GuardrailRule = {
  id: "ORG-LOG-2",
  description: "Log groups are encrypted with the account's KMS key",
  why: "logs carry request data; a KMS key puts reading them under a key policy and CloudTrail",
  appliesTo: ["aws_cloudwatch_log_group"],
  check: ({ body }) => (body.kms_key_id ? undefined : "kms_key_id is not set"),
  fix: "make the log group with TieredLogGroup and the stack's LogGroupKey (a key whose policy lets `logs.<region>.amazonaws.com` use it)",
};

export const DATA_RULES = [preventDestroy, efsEncrypted, sqsEncrypted, eksSecretsEncrypted, kmsRotation, kmsExplicitPolicy, logRetention, logEncryption];
