import { dataHeldBy } from "../../modules/guardrails/data-holding";
import { affectedCount, type AffectedStacks } from "./affected-stacks";
import { disruptedByReplacing } from "./disruption";
import { attributeChanges, changeKind, type AttributeChange, type ChangeKind, type PlanJson } from "./plan-json";

/** Hidden marker the pull-request workflow finds its own comment by, to update it in place. */
export const PLAN_SUMMARY_MARKER = "<!-- orgplat-plan-summary -->";

/** GitHub refuses comments over 65,536 characters; stay under it with room to spare. */
export const GITHUB_COMMENT_LIMIT = 65_536;
export const DEFAULT_MAX_CHARS = 65_000;

/** One stack's plan as a CI job left it: the plan JSON, or the error that stopped the plan. */
export interface StackPlanInput {
  readonly stack: string;
  readonly plan?: PlanJson;
  readonly error?: string;
}

export interface PlannedResourceChange {
  readonly address: string;
  readonly type: string;
  readonly kind: ChangeKind;
  readonly attributes: readonly AttributeChange[];
}

/** A destroy or replace of a resource that holds data. */
export interface DataAtRisk {
  readonly stack: string;
  readonly address: string;
  readonly kind: "delete" | "replace";
  readonly holds: string;
}

/** A replacement of a resource that live workloads sit in or route through. */
export interface DisruptiveReplacement {
  readonly stack: string;
  readonly address: string;
  readonly disrupts: string;
}

export interface StackPlanSummary {
  readonly stack: string;
  readonly status: "changes" | "no-changes" | "failed";
  readonly counts: Readonly<Record<ChangeKind, number>>;
  readonly changes: readonly PlannedResourceChange[];
  readonly outputChanges: readonly string[];
  readonly dataAtRisk: readonly DataAtRisk[];
  readonly disruptive: readonly DisruptiveReplacement[];
  readonly error?: string;
}

/** Counts and details of one stack's plan. */
export function summarizeStackPlan(input: StackPlanInput): StackPlanSummary {
  const counts: Record<ChangeKind, number> = { create: 0, update: 0, delete: 0, replace: 0 };
  if (!input.plan) {
    return {
      stack: input.stack,
      status: "failed",
      counts,
      changes: [],
      outputChanges: [],
      dataAtRisk: [],
      disruptive: [],
      error: input.error ?? "no plan JSON",
    };
  }
  const changes: PlannedResourceChange[] = [];
  for (const rc of input.plan.resource_changes ?? []) {
    const kind = changeKind(rc);
    if (!kind) continue;
    counts[kind] += 1;
    changes.push({ address: rc.address, type: rc.type, kind, attributes: attributeChanges(rc) });
  }
  const outputChanges = Object.entries(input.plan.output_changes ?? {})
    .filter(([, c]) => c.actions.some((a) => a !== "no-op"))
    .map(([name]) => name)
    .sort();
  const dataAtRisk = changes.flatMap((c): DataAtRisk[] => {
    const holds = dataHeldBy(c.type);
    return holds && (c.kind === "delete" || c.kind === "replace") ? [{ stack: input.stack, address: c.address, kind: c.kind, holds }] : [];
  });
  const disruptive = changes.flatMap((c): DisruptiveReplacement[] => {
    const disrupts = disruptedByReplacing(c.type);
    return disrupts && c.kind === "replace" ? [{ stack: input.stack, address: c.address, disrupts }] : [];
  });
  const status = changes.length || outputChanges.length ? "changes" : "no-changes";
  return { stack: input.stack, status, counts, changes, outputChanges, dataAtRisk, disruptive, error: input.plan.errored ? "the plan errored" : undefined };
}

export interface RenderOptions {
  /** @default "Terraform plan" */
  readonly title?: string;
  /** Link to the workflow run, where every plan JSON is kept as an artifact. */
  readonly runUrl?: string;
  /** @default DEFAULT_MAX_CHARS */
  readonly maxChars?: number;
  /** Which stacks the change affects (only those were planned); the comment counts and lists the rest folded. */
  readonly affected?: AffectedStacks;
}

/**
 * The pull-request comment: the marker, warnings, one table of every stack that changes or
 * failed, the unchanged stacks collapsed, then per-stack details folded. Only the details are
 * ever shortened to stay under `maxChars`; the warnings and the table are always whole.
 */
export function renderPlanComment(summaries: readonly StackPlanSummary[], options: RenderOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const shown = [...summaries].filter((s) => s.status !== "no-changes").sort(byAttention);
  const unchanged = summaries
    .filter((s) => s.status === "no-changes")
    .map((s) => s.stack)
    .sort();
  const head = [
    PLAN_SUMMARY_MARKER,
    `### ${options.title ?? "Terraform plan"}: ${headline(summaries)}`,
    "",
    ...affectedLines(options.affected),
    ...dataWarning(summaries),
    ...disruptionWarning(summaries),
    ...failureWarning(summaries),
    ...table(shown),
    ...collapsedUnchanged(unchanged),
  ].join("\n");
  const footer = options.runUrl ? `\n\nEvery stack's full plan JSON is attached to [the workflow run](${options.runUrl}).` : "";
  const blocks = shown.map(detailsBlock);
  return `${head}${fitDetails(blocks, maxChars - head.length - footer.length)}${footer}`;
}

function byAttention(a: StackPlanSummary, b: StackPlanSummary): number {
  const rank = (s: StackPlanSummary) => (s.status === "failed" ? 0 : s.dataAtRisk.length ? 1 : s.disruptive.length ? 2 : 3);
  return rank(a) - rank(b) || a.stack.localeCompare(b.stack);
}

function headline(summaries: readonly StackPlanSummary[]): string {
  const changing = summaries.filter((s) => s.status === "changes").length;
  const failed = summaries.filter((s) => s.status === "failed").length;
  const parts = [`${changing} of ${summaries.length} stack${summaries.length === 1 ? "" : "s"} change${changing === 1 && summaries.length === 1 ? "s" : ""}`];
  if (failed) parts.push(`${failed} failed to plan`);
  return parts.join(", ");
}

function dataWarning(summaries: readonly StackPlanSummary[]): string[] {
  const atRisk = summaries.flatMap((s) => s.dataAtRisk);
  if (!atRisk.length) return [];
  return [
    "> [!CAUTION]",
    `> **Data at risk: this plan ${atRisk.some((r) => r.kind === "delete") ? "destroys" : "replaces"} ${atRisk.length} resource${atRisk.length === 1 ? "" : "s"} that hold${atRisk.length === 1 ? "s" : ""} data.** What ${atRisk.length === 1 ? "it holds" : "they hold"} is gone after apply; a replacement starts empty.`,
    ...atRisk.map((r) => `> - \`${r.stack}\`: **${r.kind === "delete" ? "destroy" : "replace"}** \`${r.address}\` (${r.holds})`),
    "> ",
    "> Merge only if that is intended and the data is backed up or no longer needed.",
    "",
  ];
}

function disruptionWarning(summaries: readonly StackPlanSummary[]): string[] {
  const replaced = summaries.flatMap((s) => s.disruptive);
  if (!replaced.length) return [];
  const many = replaced.length !== 1;
  return [
    "> [!WARNING]",
    `> **Disruptive: this plan replaces ${replaced.length} resource${many ? "s" : ""} that running workloads sit in or route through.** ` +
      `A replacement deletes the old one first or after: it fails while something still uses it, or cuts off what was there.`,
    ...replaced.map((r) => `> - \`${r.stack}\`: **replace** \`${r.address}\` (${r.disrupts})`),
    "> ",
    "> Merge only if the move is intended and nothing runs there (a subnet move needs a pin in the org file; docs/network.md, Addresses).",
    "",
  ];
}

function failureWarning(summaries: readonly StackPlanSummary[]): string[] {
  const failed = summaries.filter((s) => s.status === "failed").map((s) => `\`${s.stack}\``);
  if (!failed.length) return [];
  return [
    "> [!WARNING]",
    `> **${failed.length} stack${failed.length === 1 ? "" : "s"} could not be planned:** ${failed.join(", ")}. The details below show the error.`,
    "",
  ];
}

function table(shown: readonly StackPlanSummary[]): string[] {
  if (!shown.length) return ["No stack changes."];
  return [
    "| stack | add | change | destroy | replace |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...shown.map((s) =>
      s.status === "failed"
        ? `| \`${s.stack}\` | :x: plan failed | | | |`
        : `| ${s.dataAtRisk.length || s.disruptive.length ? ":warning: " : ""}\`${s.stack}\` | ${s.counts.create} | ${s.counts.update} | ${s.counts.delete} | ${s.counts.replace} |`,
    ),
  ];
}

/** "N of M stacks affected", the removed ones named, the unaffected folded. */
function affectedLines(affected: AffectedStacks | undefined): string[] {
  if (!affected) return [];
  const lines = [
    `**${affectedCount(affected)} of ${affected.total} stack${affected.total === 1 ? "" : "s"} affected** (synthesized output compared with the base; only those were planned).`,
  ];
  if (affected.removed.length) lines.push("", `Removed from the org, planned for destruction: ${affected.removed.map((n) => `\`${n}\``).join(", ")}`);
  if (affected.unaffected.length) {
    lines.push(
      "",
      `<details><summary>${affected.unaffected.length} stack${affected.unaffected.length === 1 ? "" : "s"} unaffected (not planned)</summary>`,
      "",
      affected.unaffected.map((n) => `\`${n}\``).join(", "),
      "",
      "</details>",
    );
  }
  return [...lines, ""];
}

function collapsedUnchanged(unchanged: readonly string[]): string[] {
  if (!unchanged.length) return [];
  return [
    "",
    `<details><summary>${unchanged.length} stack${unchanged.length === 1 ? "" : "s"} without changes</summary>`,
    "",
    unchanged.map((n) => `\`${n}\``).join(", "),
    "",
    "</details>",
  ];
}

const SYMBOL: Record<ChangeKind, string> = { create: "+", update: "~", delete: "-", replace: "-/+" };
const VERB: Record<ChangeKind, string> = { create: "create", update: "update in place", delete: "destroy", replace: "replace" };

/** A stack's folded details: its summary line, and the lines that may be cut. */
interface DetailsBlock {
  readonly open: string;
  readonly lines: readonly string[];
  readonly close: string;
}

function detailsBlock(s: StackPlanSummary): DetailsBlock {
  const open = `\n\n<details><summary><code>${s.stack}</code>: ${s.status === "failed" ? "plan failed" : countsText(s)}</summary>\n\n\`\`\`${s.status === "failed" ? "text" : "diff"}`;
  const close = "\n```\n\n</details>";
  if (s.status === "failed")
    return {
      open,
      lines: (s.error ?? "")
        .trim()
        // eslint-disable-next-line no-control-regex -- terminal colour codes start with ESC
        .replace(/\u001b\[[0-9;]*m/g, "")
        .replace(/```/g, "'''")
        .split("\n"),
      close,
    };
  const lines = s.changes.flatMap((c) => [
    `${SYMBOL[c.kind]} ${c.address} (${VERB[c.kind]})`,
    ...c.attributes.filter((a) => c.kind !== "replace" || a.forcesReplacement || (a.after !== "(known after apply)" && a.after !== "null")).map(attributeLine),
  ]);
  if (s.outputChanges.length) lines.push(`~ outputs: ${s.outputChanges.join(", ")}`);
  return { open, lines, close };
}

/** "cidr_block: "10.0.51.0/24" -> "10.0.200.0/24"", or just the name when a value is too long or structured to show. */
function attributeLine(a: AttributeChange): string {
  const values = a.before === undefined && a.after === undefined ? " (changed)" : `: ${a.before ?? "(…)"} -> ${a.after ?? "(…)"}`;
  return `    ${a.name}${values}${a.forcesReplacement ? "  # forces replacement" : ""}`;
}

/** "2 to add, 1 to replace": the non-zero counts, in Terraform's words. */
export function countsText(s: Pick<StackPlanSummary, "counts">): string {
  const { create, update, delete: del, replace } = s.counts;
  const parts = [create && `${create} to add`, update && `${update} to change`, del && `${del} to destroy`, replace && `${replace} to replace`].filter(Boolean);
  return parts.length ? parts.join(", ") : "outputs change";
}

const HEADING = "\n\n#### Details";

/** Appends whole blocks while they fit, cuts the first that does not, then notes what was left out. */
function fitDetails(blocks: readonly DetailsBlock[], budget: number): string {
  if (!blocks.length) return "";
  const omittedNote = (n: number) =>
    `\n\n_Details of ${n} stack${n === 1 ? "" : "s"} left out to stay under GitHub's ${GITHUB_COMMENT_LIMIT.toLocaleString("en-US")}-character comment limit._`;
  // Reserve room for the note in the worst case, so the result never overshoots.
  let room = budget - HEADING.length - omittedNote(blocks.length).length;
  if (room <= 0) return omittedNote(blocks.length).length <= budget ? omittedNote(blocks.length) : "";
  let text = HEADING;
  let omitted = 0;
  let cutOne = false;
  for (const block of blocks) {
    if (!cutOne) {
      const whole = `${block.open}\n${block.lines.join("\n")}${block.close}`;
      if (whole.length <= room) {
        text += whole;
        room -= whole.length;
        continue;
      }
      // The first block that does not fit keeps what fits of its lines; everything after it is left out.
      cutOne = true;
      const cut = truncatedBlock(block, room);
      if (cut) {
        text += cut;
        continue;
      }
    }
    omitted += 1;
  }
  return omitted ? text + omittedNote(omitted) : text;
}

function truncatedBlock(block: DetailsBlock, room: number): string | undefined {
  const kept: string[] = [];
  const more = (n: number) => `\n… ${n} more line${n === 1 ? "" : "s"} cut to fit the comment limit`;
  let used = block.open.length + block.close.length + more(block.lines.length).length;
  for (const line of block.lines) {
    if (used + line.length + 1 > room) break;
    kept.push(line);
    used += line.length + 1;
  }
  if (used > room) return undefined;
  return `${block.open}${kept.length ? `\n${kept.join("\n")}` : ""}${more(block.lines.length - kept.length)}${block.close}`;
}
