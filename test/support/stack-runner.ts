import { cannotApply, MOTO_GAPS, SHARED_VPC_PARTICIPANT_TYPES, type ReadBackDrift } from "../e2e/moto-gaps";
import { parsePlanJson, type ResourceChange } from "../../scripts/lib/plan-json";
import type { SynthesizedStack } from "./synthesized";
import { terraform, terraformAsync, terraformOk, terraformOkAsync, type TerraformOptions, type TerraformRun } from "./terraform";

/** A planned change the emulator's declared drift does not explain. */
export interface UnexpectedChange {
  readonly address: string;
  readonly actions: readonly string[];
  readonly attributes: readonly string[];
}

/**
 * Drives terraform on synthesized stacks against the emulator: init, apply, a re-plan that
 * must be empty, destroy. Resources the emulator cannot apply (moto-gaps.ts) are left out
 * with -target, together with everything that depends on them.
 */
export class StackRunner {
  constructor(
    private readonly cliConfig: string,
    private readonly options: TerraformOptions,
  ) {}

  public run(stack: SynthesizedStack, args: readonly string[]) {
    return terraform(stack.dir, this.cliConfig, args, this.options);
  }

  public ok(stack: SynthesizedStack, args: readonly string[]) {
    return terraformOk(stack.dir, this.cliConfig, args, this.options);
  }

  /** `run`, without blocking: independent stacks can run side by side (see `inDependencyOrder`). */
  public runAsync(stack: SynthesizedStack, args: readonly string[]) {
    return terraformAsync(stack.dir, this.cliConfig, args, this.options);
  }

  public okAsync(stack: SynthesizedStack, args: readonly string[]) {
    return terraformOkAsync(stack.dir, this.cliConfig, args, this.options);
  }

  public init(stack: SynthesizedStack, extra: readonly string[] = []): void {
    this.ok(stack, initArgs(extra));
  }

  public async initAsync(stack: SynthesizedStack, extra: readonly string[] = []): Promise<void> {
    await this.okAsync(stack, initArgs(extra));
  }

  /** Addresses of resources the emulator cannot apply, and of everything depending on them. */
  public excludedAddresses(stack: SynthesizedStack): string[] {
    return excludedByGaps(stack);
  }

  /** `-target` arguments for everything else, or none when nothing is excluded. */
  public targetArgs(stack: SynthesizedStack): string[] {
    const excluded = new Set(this.excludedAddresses(stack));
    if (!excluded.size) return [];
    return resourceAddresses(stack)
      .filter((a) => !excluded.has(a))
      .map((a) => `-target=${a}`);
  }

  public apply(stack: SynthesizedStack): void {
    this.ok(stack, this.applyArgs(stack));
  }

  public async applyAsync(stack: SynthesizedStack): Promise<void> {
    await this.okAsync(stack, this.applyArgs(stack));
  }

  /** Re-plans (reading the real state: no -refresh=false) and returns every change not explained by declared emulator drift. */
  public unexpectedChanges(stack: SynthesizedStack): UnexpectedChange[] {
    const plan = this.run(stack, this.replanArgs(stack));
    if (plan.code === 0) return [];
    return unexpectedIn(stack, plan, () => this.ok(stack, SHOW_REPLAN).stdout);
  }

  public async unexpectedChangesAsync(stack: SynthesizedStack): Promise<UnexpectedChange[]> {
    const plan = await this.runAsync(stack, this.replanArgs(stack));
    if (plan.code === 0) return [];
    const shown = plan.code === 2 ? (await this.okAsync(stack, SHOW_REPLAN)).stdout : "";
    return unexpectedIn(stack, plan, () => shown);
  }

  /** Addresses whose `prevent_destroy` must be lifted (by dropping them from state) before destroy. */
  public protectedAddresses(stack: SynthesizedStack): string[] {
    return Object.entries(stack.json.resource ?? {}).flatMap(([type, byName]) =>
      Object.entries(byName)
        .filter(([, body]) => (body.lifecycle as { prevent_destroy?: boolean } | undefined)?.prevent_destroy === true)
        .map(([name]) => `${type}.${name}`),
    );
  }

  /**
   * Destroys the stack, with the same -target set it was applied with: an untargeted destroy
   * would read data sources only excluded resources use, which the emulator may not answer
   * (EKS add-on versions); the data sources left in state are then dropped. Resources with prevent_destroy are first removed from state (the
   * emulator is reset afterwards, which deletes them); returns their addresses.
   */
  public destroy(stack: SynthesizedStack): string[] {
    const retired = this.retiredBy(stack, this.run(stack, ["state", "list"]).stdout);
    if (retired.length) this.ok(stack, ["state", "rm", ...retired]);
    const targets = this.targetArgs(stack);
    this.ok(stack, [...DESTROY, ...targets]);
    // A targeted destroy leaves the data sources it read in state; they hold nothing, so the state ends empty as after a full one.
    const readsLeft = targets.length ? dataReadsIn(this.run(stack, ["state", "list"]).stdout) : [];
    if (readsLeft.length) this.ok(stack, ["state", "rm", ...readsLeft]);
    return retired;
  }

  /** `destroy`, without blocking: for a teardown of independent stacks side by side (`inDependencyOrder` with `reverse`). */
  public async destroyAsync(stack: SynthesizedStack): Promise<string[]> {
    const retired = this.retiredBy(stack, (await this.runAsync(stack, ["state", "list"])).stdout);
    if (retired.length) await this.okAsync(stack, ["state", "rm", ...retired]);
    const targets = this.targetArgs(stack);
    await this.okAsync(stack, [...DESTROY, ...targets]);
    const readsLeft = targets.length ? dataReadsIn((await this.runAsync(stack, ["state", "list"])).stdout) : [];
    if (readsLeft.length) await this.okAsync(stack, ["state", "rm", ...readsLeft]);
    return retired;
  }

  private applyArgs(stack: SynthesizedStack): string[] {
    return ["apply", "-auto-approve", "-input=false", "-no-color", ...this.targetArgs(stack)];
  }

  private replanArgs(stack: SynthesizedStack): string[] {
    return ["plan", "-detailed-exitcode", "-input=false", "-no-color", "-out=replan.tfplan", ...this.targetArgs(stack)];
  }

  /** The protected addresses among those `state list` printed. */
  private retiredBy(stack: SynthesizedStack, stateList: string): string[] {
    const inState = new Set(stateList.split("\n").filter(Boolean));
    return this.protectedAddresses(stack).filter((a) => inState.has(a));
  }
}

const SHOW_REPLAN = ["show", "-json", "replan.tfplan"];
const DESTROY = ["destroy", "-auto-approve", "-input=false", "-no-color"];

/** The data-source addresses of a `state list`. */
function dataReadsIn(stateList: string): string[] {
  return stateList.split("\n").filter((a) => a.startsWith("data."));
}

function initArgs(extra: readonly string[]): string[] {
  return ["init", "-input=false", "-no-color", ...extra];
}

/** The changes of a re-plan (exit 2: changes) that declared emulator drift does not explain. */
function unexpectedIn(stack: SynthesizedStack, plan: TerraformRun, show: () => string): UnexpectedChange[] {
  if (plan.code !== 2) throw new Error(`re-plan of ${stack.name} failed (exit ${plan.code}):\n${plan.stderr || plan.stdout}`);
  const json = parsePlanJson(show(), `${stack.name}/replan.tfplan`);
  const unexpected: UnexpectedChange[] = [];
  for (const rc of json.resource_changes ?? []) {
    const actions = rc.change.actions;
    if (rc.mode !== "managed" || actions.every((a) => a === "no-op" || a === "read")) continue;
    const attributes = changedAttributes(rc.change);
    const drift = MOTO_GAPS.find((g): g is ReadBackDrift => g.kind === "drift" && g.resourceType === rc.type);
    if (drift && attributes.length && attributes.every((a) => drift.attributes.includes(a))) continue;
    unexpected.push({ address: rc.address, actions: [...actions], attributes });
  }
  for (const [name, change] of Object.entries(json.output_changes ?? {})) {
    if (!change.actions.every((a) => a === "no-op")) unexpected.push({ address: `output.${name}`, actions: [...change.actions], attributes: [] });
  }
  return unexpected;
}

/** Every managed resource address of a synthesized stack. */
export function resourceAddresses(stack: SynthesizedStack): string[] {
  return Object.entries(stack.json.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name): string => `${type}.${name}`));
}

type Bodies = Map<string, string>;

/** Resource bodies by address ("type.name") and data source bodies by "data.type.name". */
function bodiesOf(stack: SynthesizedStack): Bodies {
  const entries = (blocks: StackJsonBlocks | undefined, prefix: string) =>
    Object.entries(blocks ?? {}).flatMap(([type, byName]) =>
      Object.entries(byName).map(([name, body]) => [`${prefix}${type}.${name}`, JSON.stringify(body)] as const),
    );
  return new Map([...entries(stack.json.resource, ""), ...entries(stack.json.data, "data.")]);
}

type StackJsonBlocks = Record<string, Record<string, unknown>>;

/** True when `body` references `address` (not merely an address that starts with it). */
function references(body: string, address: string): boolean {
  const escaped = address.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\w.])${escaped}(\\.|"|\\[|$)`).test(body);
}

/**
 * A remote-state read of a stack in another account: what a workload account does to find
 * the network account's shared subnets.
 */
function sharedNetworkingReads(stack: SynthesizedStack): string[] {
  return Object.entries(stack.json.data?.terraform_remote_state ?? {})
    .filter(([, body]) => {
      const roleArn = (body as { config?: { assume_role?: { role_arn?: string } } }).config?.assume_role?.role_arn ?? "";
      return !roleArn.includes(`::${stack.accountId}:`);
    })
    .map(([name]) => `data.terraform_remote_state.${name}`);
}

/**
 * Addresses the emulator cannot apply: gap types, participant types that use another
 * account's shared networking, and the closure of everything that reads them (through data
 * sources too, since -target would pull an excluded dependency back in).
 */
function excludedByGaps(stack: SynthesizedStack): string[] {
  const bodies = bodiesOf(stack);
  const nodes = [...bodies.keys()];
  const crossAccountReads = sharedNetworkingReads(stack);
  const excluded = new Set<string>(
    nodes.filter((node) => {
      if (node.startsWith("data.")) return false;
      const type = node.split(".")[0];
      return (
        cannotApply(type, JSON.parse(bodies.get(node)!) as Record<string, unknown>) ||
        (SHARED_VPC_PARTICIPANT_TYPES.has(type) && crossAccountReads.some((r) => references(bodies.get(node)!, r)))
      );
    }),
  );
  for (let grew = true; grew;) {
    grew = false;
    for (const node of nodes) {
      if (excluded.has(node)) continue;
      const body = bodies.get(node)!;
      if ([...excluded].some((e) => references(body, e))) {
        excluded.add(node);
        grew = true;
      }
    }
  }
  return resourceAddresses(stack).filter((a) => excluded.has(a));
}

/** For a replacement, the attributes forcing it; for an update, the attributes that change. */
export function changedAttributes(change: ResourceChange["change"]): string[] {
  if (change.replace_paths?.length) return [...new Set(change.replace_paths.map((p) => String(p[0])))].sort();
  const before = asRecord(change.before);
  const after = asRecord(change.after);
  const unknown = asRecord(change.after_unknown);
  const keys = new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(unknown)]);
  return [...keys].filter((k) => k !== "id" && (JSON.stringify(before[k]) !== JSON.stringify(after[k]) || unknown[k] === true)).sort();
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
