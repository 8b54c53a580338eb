/**
 * The parts of `terraform show -json <planfile>` (format 1.x) the delivery tooling reads.
 * See https://developer.hashicorp.com/terraform/internals/json-format.
 */
export interface PlanJson {
  readonly format_version: string;
  readonly terraform_version?: string;
  readonly resource_changes?: readonly ResourceChange[];
  /** Changes made outside Terraform, found while refreshing. */
  readonly resource_drift?: readonly ResourceChange[];
  readonly output_changes?: Readonly<Record<string, { readonly actions: readonly string[] }>>;
  readonly errored?: boolean;
}

export interface ResourceChange {
  readonly address: string;
  readonly type: string;
  readonly mode: "managed" | "data";
  readonly change: {
    readonly actions: readonly string[];
    readonly before: unknown;
    readonly after: unknown;
    readonly after_unknown?: unknown;
    readonly before_sensitive?: unknown;
    readonly after_sensitive?: unknown;
    readonly replace_paths?: readonly (readonly (string | number)[])[];
  };
  readonly action_reason?: string;
}

/** What a planned change does to a resource, as a person reads it. */
export type ChangeKind = "create" | "update" | "delete" | "replace";

/** The kind of a managed resource change, or undefined when nothing happens to the resource (no-op, read, forget). */
export function changeKind(rc: ResourceChange): ChangeKind | undefined {
  if (rc.mode !== "managed") return undefined;
  const actions = rc.change.actions;
  if (actions.includes("delete") && actions.includes("create")) return "replace";
  if (actions.length === 1 && (actions[0] === "create" || actions[0] === "update" || actions[0] === "delete")) return actions[0];
  return undefined;
}

/** Parses plan JSON text, with an error that names the file when it is not a Terraform plan. */
export function parsePlanJson(text: string, source: string): PlanJson {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`${source}: not JSON (${(e as Error).message}); save a plan with \`terraform show -json <planfile> > ${source}\``);
  }
  const plan = data as Partial<PlanJson>;
  if (typeof plan !== "object" || plan === null || typeof plan.format_version !== "string" || !("planned_values" in plan || "resource_changes" in plan)) {
    throw new Error(`${source}: not the JSON of a Terraform plan (no format_version/resource_changes); save one with \`terraform show -json <planfile>\``);
  }
  return plan as PlanJson;
}

/** One attribute a change touches, with printable before/after values where that is safe. */
export interface AttributeChange {
  readonly name: string;
  readonly before?: string;
  readonly after?: string;
  /** True when this attribute forces the replacement. */
  readonly forcesReplacement: boolean;
}

const MAX_VALUE = 60;

/**
 * Top-level attributes a change touches. Values are shown only when they are short scalars and
 * not sensitive; anything else is named without its value, so secrets never reach a comment.
 */
export function attributeChanges(rc: ResourceChange): AttributeChange[] {
  const { before, after, after_unknown, before_sensitive, after_sensitive, replace_paths } = rc.change;
  const b = asRecord(before);
  const a = asRecord(after);
  const unknown = asRecord(after_unknown);
  const forcing = new Set((replace_paths ?? []).map((p) => String(p[0])));
  const names = new Set([...Object.keys(b), ...Object.keys(a), ...Object.keys(unknown)]);
  const changed = [...names].filter(
    (n) => n !== "id" && (JSON.stringify(b[n]) !== JSON.stringify(a[n]) || unknown[n] === true) && !(isEmpty(b[n]) && isEmpty(a[n]) && unknown[n] !== true),
  );
  // A create or delete touches every attribute: name only those forcing a replacement.
  const kind = changeKind(rc);
  const relevant = kind === "create" || kind === "delete" ? [] : changed;
  return relevant.sort().map((name) => ({
    name,
    before: printable(b[name], asRecord(before_sensitive)[name], false),
    after: printable(a[name], asRecord(after_sensitive)[name], unknown[name] === true),
    forcesReplacement: forcing.has(name),
  }));
}

function printable(value: unknown, sensitive: unknown, unknown: boolean): string | undefined {
  if (unknown) return "(known after apply)";
  if (sensitive === true) return "(sensitive)";
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return value.length <= MAX_VALUE ? JSON.stringify(value) : undefined;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === "" ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === "object" && value !== null && Object.keys(value).length === 0)
  );
}
