import { TerraformBackend, TerraformDataSource, TerraformProvider, TerraformRemoteState, TerraformResource } from "cdktf";
import type { IConstruct } from "constructs";

/** Attributes of an element as Terraform will see them (snake_case; tokens unresolved). */
export type ResourceBody = Readonly<Record<string, unknown>>;

/**
 * What a rule looks at: a resource or data source by its type (`aws_s3_bucket`), a provider as
 * `provider.<name>` (`provider.aws`), a backend as `backend.<type>` (`backend.s3`) and a
 * remote-state read as `remote_state.<backend>` (`remote_state.s3`, its `config` as the body).
 */
export interface CheckedSubject {
  readonly kind: string;
  readonly body: ResourceBody;
  readonly element: IConstruct;
}

/** What a stack tells its rules beyond its own elements. */
export interface GuardrailContext {
  /**
   * Role names no provider, backend or remote-state read may assume (ORG-ROLE-1): the admin or
   * break-glass role once a purpose role exists for the stack's work.
   */
  readonly forbiddenRoleNames: readonly string[];
  /**
   * Days per log tier of the stack's environment (ORG-LOG-1): a log group must keep its tier's days.
   * @default undefined (any retention CloudWatch Logs accepts, as long as the group names a tier)
   */
  readonly logRetentionDays?: Readonly<Record<string, number>>;
}

/** One policy, checked on every element of every stack at synth time. */
export interface GuardrailRule {
  /** Stable id used in messages and suppressions, e.g. "ORG-S3-1". */
  readonly id: string;
  /** One line: what the rule protects. */
  readonly description: string;
  /** Why it matters: the attack or the loss it prevents. */
  readonly why: string;
  /** Subject kinds the rule looks at (see `CheckedSubject.kind`). */
  readonly appliesTo: readonly string[];
  /** What is wrong with this subject, or undefined when it complies. */
  check(subject: CheckedSubject, context: GuardrailContext): string | undefined;
  /** How to fix a violation. */
  readonly fix: string;
}

/** The subject a construct presents to the rules, or undefined when no rule can look at it. */
export function subjectOf(node: IConstruct): CheckedSubject | undefined {
  if (node instanceof TerraformResource || node instanceof TerraformDataSource) {
    const rendered = node.toTerraform() as Record<"resource" | "data", Record<string, Record<string, ResourceBody>> | undefined>;
    const byName = (rendered.resource ?? rendered.data)?.[node.terraformResourceType] ?? {};
    return { kind: node.terraformResourceType, body: Object.values(byName)[0] ?? {}, element: node };
  }
  if (node instanceof TerraformProvider) {
    const rendered = node.toTerraform() as { provider?: Record<string, ResourceBody[]> };
    return { kind: `provider.${node.terraformResourceType}`, body: rendered.provider?.[node.terraformResourceType]?.[0] ?? {}, element: node };
  }
  if (node instanceof TerraformBackend) {
    const backends = (node.toTerraform() as { terraform?: { backend?: Record<string, ResourceBody> } }).terraform?.backend ?? {};
    const [type, body] = Object.entries(backends)[0] ?? ["unknown", {}];
    return { kind: `backend.${type}`, body, element: node };
  }
  if (node instanceof TerraformRemoteState) {
    const reads =
      (node.toTerraform() as { data?: { terraform_remote_state?: Record<string, { backend: string; config?: ResourceBody }> } }).data?.terraform_remote_state ??
      {};
    const read = Object.values(reads)[0];
    return read ? { kind: `remote_state.${read.backend}`, body: read.config ?? {}, element: node } : undefined;
  }
  return undefined;
}
