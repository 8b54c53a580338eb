import { attributeChanges, changeKind, type ChangeKind, type PlanJson, type ResourceChange } from "./plan-json";

/** A resource changed outside Terraform that the next apply would change back. */
export interface DriftedResource {
  readonly address: string;
  readonly type: string;
  /** What the next apply would do to it. */
  readonly kind: ChangeKind;
  /** Attributes that differ from the configuration, e.g. ["map_public_ip_on_launch"]. */
  readonly attributes: readonly string[];
}

/** A change the configuration asks for that was never applied (not drift). */
export interface PendingChange {
  readonly address: string;
  readonly kind: ChangeKind;
}

export type DriftStatus = "in-sync" | "drifted" | "pending" | "failed";

export interface StackDrift {
  readonly stack: string;
  readonly status: DriftStatus;
  readonly drifted: readonly DriftedResource[];
  readonly pending: readonly PendingChange[];
  readonly error?: string;
}

/**
 * Splits a plan into drift and pending changes. A planned change is drift when Terraform found
 * the resource changed (or gone) while refreshing (`resource_drift`) and the configuration still
 * wants what was last applied: for some attribute the plan sets, the value before the refresh
 * equals the configured one. A change whose configured value differs from the last applied one
 * is configuration not applied yet, even if the refresh also noticed something about the resource.
 * Refresh differences that lead to no planned change (computed attributes, rules managed as
 * separate resources) are not drift, just as Terraform's own plan output leaves them out.
 */
export function driftOf(stack: string, plan: PlanJson | undefined, error?: string): StackDrift {
  if (!plan) return { stack, status: "failed", drifted: [], pending: [], error: error ?? "no plan" };
  const refreshed = new Map((plan.resource_drift ?? []).map((d) => [d.address, d]));
  const drifted: DriftedResource[] = [];
  const pending: PendingChange[] = [];
  for (const rc of plan.resource_changes ?? []) {
    const kind = changeKind(rc);
    if (!kind) continue;
    const outside = refreshed.get(rc.address);
    const attributes = outside ? driftedAttributes(outside, rc) : [];
    if (attributes.length) drifted.push({ address: rc.address, type: rc.type, kind, attributes });
    else pending.push({ address: rc.address, kind });
  }
  const status: DriftStatus = drifted.length ? "drifted" : pending.length ? "pending" : "in-sync";
  return { stack, status, drifted, pending };
}

/** Attributes the plan sets back to their last applied value; ["(deleted outside Terraform)"] for a vanished resource. */
function driftedAttributes(outside: ResourceChange, planned: ResourceChange): string[] {
  if (outside.change.actions.includes("delete")) return ["(deleted outside Terraform)"];
  const lastApplied = record(outside.change.before);
  const remote = record(planned.change.before);
  const configured = record(planned.change.after);
  const unknown = record(planned.change.after_unknown);
  return attributeChanges(planned)
    .map((a) => a.name)
    .filter((name) => unknown[name] !== true && !sameValue(remote[name], configured[name]) && sameValue(lastApplied[name], configured[name]));
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Deep equality of JSON values; null, absent and empty collections count as the same "nothing". */
function sameValue(a: unknown, b: unknown): boolean {
  const nothing = (v: unknown) =>
    v === null || v === undefined || (Array.isArray(v) && !v.length) || (typeof v === "object" && v !== null && !Object.keys(v).length);
  if (nothing(a) && nothing(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (typeof a === "object" && typeof b === "object" && a !== null && b !== null && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

const DRIFT_MARKER_PREFIX = "orgplat-drift:";

/** Hidden marker that identifies the drift issue of one stack. */
export function driftIssueMarker(stack: string): string {
  return `<!-- ${DRIFT_MARKER_PREFIX}${stack} -->`;
}

/** A console report: one line per stack, then one per drifted resource or pending change. */
export function renderDriftText(reports: readonly StackDrift[]): string {
  const drifted = reports.filter((r) => r.status === "drifted").length;
  const failed = reports.filter((r) => r.status === "failed").length;
  const lines = [`drift: ${drifted} of ${reports.length} stack${reports.length === 1 ? "" : "s"} drifted${failed ? `, ${failed} could not be checked` : ""}`];
  for (const r of reports) {
    lines.push(`${r.stack}: ${statusText(r)}`);
    for (const d of r.drifted) lines.push(`  ~ ${d.address} (${d.kind}): ${d.attributes.join(", ")}`);
    for (const p of r.pending) lines.push(`  + ${p.address} (${p.kind}, not applied yet)`);
    if (r.error) lines.push(...r.error.split("\n").map((l) => `  ! ${l}`));
  }
  return lines.join("\n");
}

function statusText(r: StackDrift): string {
  switch (r.status) {
    case "in-sync":
      return "in sync";
    case "drifted":
      return `DRIFTED (${r.drifted.length} resource${r.drifted.length === 1 ? "" : "s"} changed outside Terraform)${r.pending.length ? `, ${r.pending.length} change(s) not applied yet` : ""}`;
    case "pending":
      return `no drift; ${r.pending.length} change${r.pending.length === 1 ? "" : "s"} of the configuration not applied yet`;
    case "failed":
      return "could not be checked";
  }
}

/** Title and body of the issue that tracks one stack's drift (or its failing check). */
export function renderDriftIssue(report: StackDrift, runUrl?: string): { title: string; body: string } {
  const title = report.status === "failed" ? `Drift check failed: ${report.stack}` : `Drift: ${report.stack}`;
  const body = [
    driftIssueMarker(report.stack),
    report.status === "failed"
      ? `The scheduled drift check could not plan \`${report.stack}\`:`
      : `The scheduled drift check found ${report.drifted.length} resource${report.drifted.length === 1 ? "" : "s"} of \`${report.stack}\` changed outside Terraform. The next apply of the stack changes ${report.drifted.length === 1 ? "it" : "them"} back to the configuration:`,
    "",
    ...(report.status === "failed"
      ? ["```text", (report.error ?? "").replace(/```/g, "'''"), "```"]
      : [
          "| resource | next apply | attributes |",
          "| --- | --- | --- |",
          ...report.drifted.map((d) => `| \`${d.address}\` | ${d.kind} | ${d.attributes.map((a) => `\`${a}\``).join(", ")} |`),
        ]),
    "",
    "Either bring the change into the configuration (a pull request), or deploy the stack to undo it:",
    "",
    "```sh",
    `npm run plan -- --stack ${report.stack}`,
    `npx cdktf deploy ${report.stack} --ignore-missing-stack-dependencies`,
    "```",
    ...(runUrl
      ? ["", `Found by [this run](${runUrl}). This issue is updated by every run while the drift lasts and closed when the stack is back in sync.`]
      : []),
  ];
  return { title, body: body.join("\n") };
}
