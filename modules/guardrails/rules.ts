import type { GuardrailRule, ResourceBody } from "./rule";

/** Resources whose loss loses data: they must refuse `terraform destroy`. */
export const DATA_HOLDING_TYPES = ["aws_s3_bucket", "aws_kms_key", "aws_efs_file_system", "aws_dynamodb_table", "aws_db_instance"] as const;

const preventDestroy: GuardrailRule = {
  id: "ORG-DATA-1",
  description: "Resources that hold data refuse destroy",
  appliesTo: DATA_HOLDING_TYPES,
  check: (body) => ((body.lifecycle as { prevent_destroy?: unknown } | undefined)?.prevent_destroy === true ? undefined : "lifecycle.prevent_destroy is not set"),
  fix: "add `lifecycle: { preventDestroy: true }` to the resource",
};

const efsEncrypted: GuardrailRule = {
  id: "ORG-ENC-1",
  description: "EFS file systems are encrypted at rest",
  appliesTo: ["aws_efs_file_system"],
  check: (body) => (body.encrypted === true ? undefined : "encrypted is not true"),
  fix: "set `encrypted: true` (and a `kmsKeyId`)",
};

const sqsEncrypted: GuardrailRule = {
  id: "ORG-ENC-2",
  description: "SQS queues are encrypted at rest",
  appliesTo: ["aws_sqs_queue"],
  check: (body) => (body.sqs_managed_sse_enabled === true || body.kms_master_key_id ? undefined : "neither sqs_managed_sse_enabled nor kms_master_key_id is set"),
  fix: "set `sqsManagedSseEnabled: true` or a `kmsMasterKeyId`",
};

const eksSecretsEncrypted: GuardrailRule = {
  id: "ORG-ENC-3",
  description: "EKS clusters encrypt Kubernetes secrets with KMS",
  appliesTo: ["aws_eks_cluster"],
  check: (body) => (body.encryption_config ? undefined : "encryption_config is missing"),
  fix: "add `encryptionConfig: { resources: [\"secrets\"], provider: { keyArn } }`",
};

const OPEN_CIDRS = ["0.0.0.0/0", "::/0"];
const ingressFromAnywhere = (cidrs: unknown): boolean =>
  Array.isArray(cidrs) ? cidrs.some((c) => OPEN_CIDRS.includes(String(c))) : OPEN_CIDRS.includes(String(cidrs));

const noPublicIngress: GuardrailRule = {
  id: "ORG-NET-1",
  description: "No security group admits traffic from the whole internet",
  appliesTo: ["aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule"],
  check: (body, resource) => {
    const type = resource.terraformResourceType;
    if (type === "aws_vpc_security_group_ingress_rule") {
      return ingressFromAnywhere(body.cidr_ipv4) || ingressFromAnywhere(body.cidr_ipv6) ? "ingress from 0.0.0.0/0 or ::/0" : undefined;
    }
    if (type === "aws_security_group_rule") {
      return body.type === "ingress" && (ingressFromAnywhere(body.cidr_blocks) || ingressFromAnywhere(body.ipv6_cidr_blocks))
        ? "ingress from 0.0.0.0/0 or ::/0"
        : undefined;
    }
    const ingress = (body.ingress as ResourceBody[] | undefined) ?? [];
    return ingress.some((r) => ingressFromAnywhere(r.cidr_blocks) || ingressFromAnywhere(r.ipv6_cidr_blocks)) ? "an ingress block admits 0.0.0.0/0 or ::/0" : undefined;
  },
  fix: "admit only the security groups or CIDRs that need the port; public entry goes through a load balancer module",
};

/** "*" or "service:*" grant everything a service has; name the actions instead. */
const WILDCARD_ACTION = /^(\*|[a-z0-9-]+:\*)$/;

function allowStatementsOf(body: ResourceBody, type: string): ResourceBody[] {
  if (type === "aws_iam_policy_document") {
    return ((body.statement as ResourceBody[] | undefined) ?? []).filter((s) => (s.effect ?? "Allow") === "Allow");
  }
  if (typeof body.policy !== "string") return [];
  try {
    const doc = JSON.parse(body.policy) as { Statement?: ResourceBody | ResourceBody[] };
    const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
    return statements.filter((s) => s.Effect === "Allow").map((s) => ({ actions: s.Action }));
  } catch {
    return []; // a policy assembled from tokens is checked where it is built (its policy document)
  }
}

const noWildcardActions: GuardrailRule = {
  id: "ORG-IAM-1",
  description: "IAM Allow statements name their actions; no \"*\" or \"service:*\"",
  appliesTo: ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_policy_document"],
  check: (body, element) => {
    const wild = allowStatementsOf(body, element.terraformResourceType)
      .flatMap((s) => ([] as unknown[]).concat(s.actions ?? []))
      .map(String)
      .filter((a) => WILDCARD_ACTION.test(a));
    return wild.length ? `Allow statement grants ${wild.map((a) => `"${a}"`).join(", ")}` : undefined;
  },
  fix: "list the actions the principal needs (least privilege)",
};

export const GUARDRAIL_RULES: readonly GuardrailRule[] = [
  preventDestroy,
  efsEncrypted,
  sqsEncrypted,
  eksSecretsEncrypted,
  noPublicIngress,
  noWildcardActions,
];
