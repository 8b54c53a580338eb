import type { TerraformDataSource, TerraformResource } from "cdktf";

/** A resource or data source: both carry policy-relevant attributes. */
export type CheckedElement = TerraformResource | TerraformDataSource;

/** Attributes of a resource as Terraform will see them (snake_case; tokens unresolved). */
export type ResourceBody = Readonly<Record<string, unknown>>;

/** One policy, checked on every resource of every stack at synth time. */
export interface GuardrailRule {
  /** Stable id used in messages and suppressions, e.g. "ORG-S3-1". */
  readonly id: string;
  /** One line: what the rule protects. */
  readonly description: string;
  /** Resource types the rule looks at. */
  readonly appliesTo: readonly string[];
  /** What is wrong with this resource, or undefined when it complies. */
  check(body: ResourceBody, element: CheckedElement): string | undefined;
  /** How to fix a violation. */
  readonly fix: string;
}

/** The resource's own block from `toTerraform()`. */
export function bodyOf(element: CheckedElement): ResourceBody {
  const rendered = element.toTerraform() as Record<"resource" | "data", Record<string, Record<string, ResourceBody>> | undefined>;
  const byName = (rendered.resource ?? rendered.data)?.[element.terraformResourceType] ?? {};
  return Object.values(byName)[0] ?? {};
}
