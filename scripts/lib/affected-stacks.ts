import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { SynthesizedStack } from "./synthesized-stacks";

/** Which stacks a change touches, from the synthesized output before (base) and after (head). */
export interface AffectedStacks {
  /** In both, with different synthesized output: planned. */
  readonly changed: readonly string[];
  /** New in head: planned (everything to add). */
  readonly added: readonly string[];
  /** Gone from head: planned for destruction from the base output. */
  readonly removed: readonly string[];
  /** In both, synthesized identically: not planned. */
  readonly unaffected: readonly string[];
  /** Stacks of head plus removed ones: the M of "N of M stacks affected". */
  readonly total: number;
}

/** Files terraform leaves in a stack directory; they are not part of what was synthesized. */
const WORKING_FILES = /^(\.terraform|\.terraform\.lock\.hcl|terraform\.tfstate.*|.*\.tfplan)$/;

/**
 * A digest of everything synthesized for a stack: its Terraform JSON without cdktf's "//"
 * metadata (paths and versions of the synthesizing machine), and any other file written beside it.
 */
export function stackDigest(stack: SynthesizedStack): string {
  const hash = createHash("sha256");
  const { "//": _metadata, ...json } = stack.json as Record<string, unknown>;
  hash.update(JSON.stringify(json));
  for (const file of filesUnder(stack.dir).filter((f) => f !== "cdk.tf.json")) hash.update(`\0${file}\0`).update(readFileSync(join(stack.dir, file)));
  return hash.digest("hex");
}

function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir)
    .filter((entry) => !WORKING_FILES.test(entry))
    .sort()
    .flatMap((entry) => {
      const full = join(dir, entry);
      return statSync(full).isDirectory() ? filesUnder(full, root) : [relative(root, full)];
    });
}

/** Compares two synthesized outputs stack by stack; names in head's order (producers first), removed in base's. */
export function affectedStacks(base: readonly SynthesizedStack[], head: readonly SynthesizedStack[]): AffectedStacks {
  const baseByName = new Map(base.map((s) => [s.name, s]));
  const headNames = new Set(head.map((s) => s.name));
  const changed: string[] = [];
  const added: string[] = [];
  const unaffected: string[] = [];
  for (const stack of head) {
    const before = baseByName.get(stack.name);
    if (!before) added.push(stack.name);
    else if (stackDigest(before) !== stackDigest(stack)) changed.push(stack.name);
    else unaffected.push(stack.name);
  }
  const removed = base.filter((s) => !headNames.has(s.name)).map((s) => s.name);
  return { changed, added, removed, unaffected, total: head.length + removed.length };
}

/** Every stack planned: what a full plan (label or manual run) selects. */
export function allAffected(head: readonly SynthesizedStack[]): AffectedStacks {
  return { changed: head.map((s) => s.name), added: [], removed: [], unaffected: [], total: head.length };
}

export function affectedCount(affected: AffectedStacks): number {
  return affected.changed.length + affected.added.length + affected.removed.length;
}
