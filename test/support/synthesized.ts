import type { SynthesizedStack } from "../../scripts/lib/synthesized-stacks";

/** The harness reads synthesized output with the product's own reader (producers first). */
export { readSynthesizedStacks as readSynthesized, type SynthesizedStack } from "../../scripts/lib/synthesized-stacks";

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
