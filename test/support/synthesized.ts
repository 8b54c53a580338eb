import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { StackJson } from "./synth";

/** A stack as it sits in a synthesized output directory. */
export interface SynthesizedStack {
  readonly name: string;
  readonly dir: string;
  readonly json: StackJson;
  /** Names of stacks this one reads outputs from (from manifest.json). */
  readonly dependencies: readonly string[];
  /** Account the stack deploys into (its provider's allowed_account_ids). */
  readonly accountId: string;
  /** Provider names of required_providers, e.g. ["aws"] or ["aws", "helm", "kubernetes"]. */
  readonly providers: readonly string[];
}

interface Manifest {
  stacks: Record<string, { workingDirectory: string; synthesizedStackPath: string; dependencies: string[] }>;
}

/** Every stack of a synthesized output directory, in dependency order (producers first). */
export function readSynthesized(outdir: string): SynthesizedStack[] {
  const manifest = JSON.parse(readFileSync(join(outdir, "manifest.json"), "utf8")) as Manifest;
  const stacks = Object.entries(manifest.stacks).map(([name, entry]) => {
    const json = JSON.parse(readFileSync(join(outdir, entry.synthesizedStackPath), "utf8")) as StackJson;
    const aws = (json.provider?.aws ?? []) as { allowed_account_ids?: string[] }[];
    const required = ((json.terraform?.required_providers ?? {}) as Record<string, unknown>);
    return {
      name,
      dir: join(outdir, entry.workingDirectory),
      json,
      dependencies: entry.dependencies,
      accountId: aws[0]?.allowed_account_ids?.[0] ?? "",
      providers: Object.keys(required),
    };
  });
  return inDependencyOrder(stacks);
}

function inDependencyOrder(stacks: SynthesizedStack[]): SynthesizedStack[] {
  const byName = new Map(stacks.map((s) => [s.name, s]));
  const ordered: SynthesizedStack[] = [];
  const seen = new Set<string>();
  const visit = (stack: SynthesizedStack, path: string[]): void => {
    if (seen.has(stack.name)) return;
    if (path.includes(stack.name)) throw new Error(`stack dependency cycle: ${[...path, stack.name].join(" -> ")}`);
    for (const dep of stack.dependencies) visit(byName.get(dep)!, [...path, stack.name]);
    seen.add(stack.name);
    ordered.push(stack);
  };
  [...stacks].sort((a, b) => a.name.localeCompare(b.name)).forEach((s) => visit(s, []));
  return ordered;
}

/** The stack itself and every stack it depends on, transitively. */
export function withDependencies(all: readonly SynthesizedStack[], names: readonly string[]): SynthesizedStack[] {
  const byName = new Map(all.map((s) => [s.name, s]));
  const wanted = new Set<string>();
  const add = (name: string): void => {
    if (wanted.has(name)) return;
    wanted.add(name);
    byName.get(name)?.dependencies.forEach(add);
  };
  names.forEach(add);
  return all.filter((s) => wanted.has(s.name));
}
