import { parsePlanJson, type PlanJson } from "./plan-json";
import type { SynthesizedStack } from "./synthesized-stacks";
import { failureTail, type AsyncTerraformCommand } from "./terraform-cli";

/** Plan file written into the stack's synthesized directory (cdktf.out is never committed). */
export const PLAN_FILE = "orgplat.tfplan";

export interface PlanStackOptions {
  /**
   * Take the state lock while planning. Read-only plans (pull requests, drift checks) skip it
   * so they never block, or wait for, a deploy.
   * @default true
   */
  readonly lock?: boolean;
  /** Plan the destruction of every resource (a stack removed from the org). @default false */
  readonly destroy?: boolean;
}

/** How one stack's plan went. */
export interface StackPlanResult {
  readonly stack: string;
  /** terraform's -detailed-exitcode answer: 0 no changes, 2 changes; undefined when it failed. */
  readonly changes?: boolean;
  readonly plan?: PlanJson;
  /** `terraform show -json` output as terraform wrote it (what CI uploads). */
  readonly planText?: string;
  /** The failing command and the end of its output. */
  readonly error?: string;
  readonly seconds: number;
}

/**
 * init, `plan -detailed-exitcode -out`, `show -json`: the plan of one stack as JSON, or why there
 * is none. The binary plan stays in the stack directory as PLAN_FILE, for `npm run apply`.
 */
export async function planStack(
  tf: AsyncTerraformCommand,
  stack: SynthesizedStack,
  options: PlanStackOptions = {},
  now: () => number = Date.now,
): Promise<StackPlanResult> {
  const started = now();
  const done = (result: Omit<StackPlanResult, "stack" | "seconds">): StackPlanResult => ({ stack: stack.name, ...result, seconds: (now() - started) / 1000 });
  const init = await tf(stack.dir, ["init", "-input=false", "-no-color"]);
  if (init.code !== 0) return done({ error: `terraform init failed (exit ${init.code}):\n${failureTail(init)}` });
  const lock = options.lock === false ? ["-lock=false"] : [];
  const destroy = options.destroy ? ["-destroy"] : [];
  const plan = await tf(stack.dir, ["plan", "-detailed-exitcode", "-input=false", "-no-color", ...lock, ...destroy, `-out=${PLAN_FILE}`]);
  if (plan.code !== 0 && plan.code !== 2) return done({ error: `terraform plan failed (exit ${plan.code}):\n${failureTail(plan)}` });
  const show = await tf(stack.dir, ["show", "-json", PLAN_FILE]);
  if (show.code !== 0) return done({ error: `terraform show -json failed (exit ${show.code}):\n${failureTail(show)}` });
  return done({ changes: plan.code === 2, plan: parsePlanJson(show.stdout, `${stack.name}/${PLAN_FILE}`), planText: show.stdout });
}

/**
 * Runs `work` on every item, at most `parallelism` at once, starting them in the given order
 * (producers first); the results in that order.
 */
export async function inParallel<T, R>(items: readonly T[], parallelism: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelism, items.length) }, worker));
  return results;
}
