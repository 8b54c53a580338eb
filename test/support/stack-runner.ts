import { CANNOT_APPLY_TYPES, MOTO_GAPS, SHARED_VPC_PARTICIPANT_TYPES, type ReadBackDrift } from "../e2e/moto-gaps";
import type { SynthesizedStack } from "./synthesized";
import { terraform, terraformOk, type TerraformOptions } from "./terraform";

/** A planned change the emulator's declared drift does not explain. */
export interface UnexpectedChange {
  readonly address: string;
  readonly actions: readonly string[];
  readonly attributes: readonly string[];
}

interface PlannedChange {
  actions: string[];
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  after_unknown?: Record<string, unknown>;
  /** Set on replacements: the attribute paths that force the new resource. */
  replace_paths?: (string | number)[][];
}

interface PlanJson {
  resource_changes?: {
    address: string;
    type: string;
    mode: string;
    change: PlannedChange;
  }[];
  output_changes?: Record<string, { actions: string[] }>;
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

  public init(stack: SynthesizedStack, extra: readonly string[] = []): void {
    this.ok(stack, ["init", "-input=false", "-no-color", ...extra]);
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
    this.ok(stack, ["apply", "-auto-approve", "-input=false", "-no-color", ...this.targetArgs(stack)]);
  }

  /** Re-plans and returns every change not explained by declared emulator drift. */
  public unexpectedChanges(stack: SynthesizedStack): UnexpectedChange[] {
    const plan = this.run(stack, ["plan", "-detailed-exitcode", "-input=false", "-no-color", "-out=replan.tfplan", ...this.targetArgs(stack)]);
    if (plan.code === 0) return [];
    if (plan.code !== 2) throw new Error(`re-plan of ${stack.name} failed (exit ${plan.code}):\n${plan.stderr || plan.stdout}`);
    const json = JSON.parse(this.ok(stack, ["show", "-json", "replan.tfplan"]).stdout) as PlanJson;
    const unexpected: UnexpectedChange[] = [];
    for (const rc of json.resource_changes ?? []) {
      const actions = rc.change.actions;
      if (rc.mode !== "managed" || actions.every((a) => a === "no-op" || a === "read")) continue;
      const attributes = changedAttributes(rc.change);
      const drift = MOTO_GAPS.find((g): g is ReadBackDrift => g.kind === "drift" && g.resourceType === rc.type);
      if (drift && attributes.length && attributes.every((a) => drift.attributes.includes(a))) continue;
      unexpected.push({ address: rc.address, actions, attributes });
    }
    for (const [name, change] of Object.entries(json.output_changes ?? {})) {
      if (!change.actions.every((a) => a === "no-op")) unexpected.push({ address: `output.${name}`, actions: change.actions, attributes: [] });
    }
    return unexpected;
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
    const inState = new Set(this.run(stack, ["state", "list"]).stdout.split("\n").filter(Boolean));
    const retired = this.protectedAddresses(stack).filter((a) => inState.has(a));
    if (retired.length) this.ok(stack, ["state", "rm", ...retired]);
    const targets = this.targetArgs(stack);
    this.ok(stack, ["destroy", "-auto-approve", "-input=false", "-no-color", ...targets]);
    // A targeted destroy leaves the data sources it read in state; they hold nothing, so the state ends empty as after a full one.
    const readsLeft = targets.length ? this.run(stack, ["state", "list"]).stdout.split("\n").filter((a) => a.startsWith("data.")) : [];
    if (readsLeft.length) this.ok(stack, ["state", "rm", ...readsLeft]);
    return retired;
  }
}

/** Every managed resource address of a synthesized stack. */
export function resourceAddresses(stack: SynthesizedStack): string[] {
  return Object.entries(stack.json.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name): string => `${type}.${name}`));
}

type Bodies = Map<string, string>;

/** Resource bodies by address ("type.name") and data source bodies by "data.type.name". */
function bodiesOf(stack: SynthesizedStack): Bodies {
  const entries = (blocks: StackJsonBlocks | undefined, prefix: string) =>
    Object.entries(blocks ?? {}).flatMap(([type, byName]) => Object.entries(byName).map(([name, body]) => [`${prefix}${type}.${name}`, JSON.stringify(body)] as const));
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
      const roleArn = ((body as { config?: { assume_role?: { role_arn?: string } } }).config?.assume_role?.role_arn ?? "");
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
      return CANNOT_APPLY_TYPES.has(type) || (SHARED_VPC_PARTICIPANT_TYPES.has(type) && crossAccountReads.some((r) => references(bodies.get(node)!, r)));
    }),
  );
  for (let grew = true; grew; ) {
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
function changedAttributes(change: PlannedChange): string[] {
  if (change.replace_paths?.length) return [...new Set(change.replace_paths.map((p) => String(p[0])))].sort();
  const before = change.before ?? {};
  const after = change.after ?? {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(change.after_unknown ?? {})]);
  return [...keys]
    .filter((k) => k !== "id" && (JSON.stringify(before[k]) !== JSON.stringify(after[k]) || change.after_unknown?.[k] === true))
    .sort();
}
