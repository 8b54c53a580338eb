import type { SynthesizedStack } from "./synthesized";

/** What one stack's task came to: its value, or the error it threw. */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

export interface DependencyOrderOptions {
  /**
   * Tasks running at once. Terraform against moto mostly waits (on the provider's polls and
   * moto's answers), so a few stacks side by side cost little more than one.
   * @default 3
   */
  readonly concurrency?: number;
  /** Destroy order: a stack waits for every stack that depends on it instead. @default false */
  readonly reverse?: boolean;
}

/**
 * Starts `task` for every stack as soon as the stacks it depends on (among `stacks`) have
 * finished, at most `concurrency` at a time, and returns each stack's outcome by name. A task's
 * error becomes its outcome (the promise never rejects), so each test reports its own stack;
 * a stack still runs after a dependency failed, as it did when stacks ran one by one.
 */
export function inDependencyOrder<T>(
  stacks: readonly SynthesizedStack[],
  task: (stack: SynthesizedStack) => Promise<T>,
  options: DependencyOrderOptions = {},
): Map<string, Promise<Outcome<T>>> {
  const names = new Set(stacks.map((s) => s.name));
  const waitsFor = new Map<string, string[]>(stacks.map((s) => [s.name, []]));
  for (const stack of stacks) {
    for (const dependency of stack.dependencies.filter((d) => names.has(d))) {
      if (options.reverse) waitsFor.get(dependency)!.push(stack.name);
      else waitsFor.get(stack.name)!.push(dependency);
    }
  }
  const slots = limiter(options.concurrency ?? 3);
  const outcomes = new Map<string, Promise<Outcome<T>>>();
  const outcomeOf = (stack: SynthesizedStack): Promise<Outcome<T>> => {
    const known = outcomes.get(stack.name);
    if (known) return known;
    const before = waitsFor.get(stack.name)!.map((name) => outcomeOf(stacks.find((s) => s.name === name)!));
    const outcome = Promise.all(before).then(() =>
      slots(() => task(stack)).then(
        (value): Outcome<T> => ({ ok: true, value }),
        (error: unknown): Outcome<T> => ({ ok: false, error }),
      ),
    );
    outcomes.set(stack.name, outcome);
    return outcome;
  };
  stacks.forEach(outcomeOf);
  return outcomes;
}

/**
 * Every outcome, once every task has ended: a test awaits this before asserting, so that a failed
 * stack cannot leave others still running into the next test.
 */
export async function allSettled<T>(outcomes: Map<string, Promise<Outcome<T>>>): Promise<Map<string, Outcome<T>>> {
  return new Map(await Promise.all([...outcomes].map(async ([name, outcome]) => [name, await outcome] as const)));
}

/** The value of an outcome, or its error thrown: for the test that owns the stack. */
export function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** Runs at most `size` of the functions given to it at once, in the order given. */
function limiter(size: number): <R>(run: () => Promise<R>) => Promise<R> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = (): void => {
    running--;
    waiting.shift()?.();
  };
  return <R>(run: () => Promise<R>) =>
    new Promise<R>((resolve, reject) => {
      const start = (): void => {
        running++;
        run().then(resolve, reject).finally(release);
      };
      if (running < size) start();
      else waiting.push(start);
    });
}
