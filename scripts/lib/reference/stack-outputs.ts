import { Testing } from "cdktf";
import type { OrgModel } from "../../../planning/model";
import { AccountStack } from "../../../stacks/account-stack";
import { buildOrg } from "../../../stacks/org-app";
import { code, generatedHeader, prose, table } from "./markdown";

/** The outputs one synthesized stack declares. */
export interface StackOutputs {
  readonly stack: string;
  /** The stack's name with its environment, region or account replaced by a placeholder. */
  readonly kind: string;
  readonly accountRole: string;
  readonly outputs: readonly { readonly name: string; readonly description?: string }[];
}

/**
 * `dev-us-east-1-network` → `<env>-<region>-network`, `bootstrap-network` → `bootstrap-<account>`:
 * the name scheme of stacks/stack-names.ts read backwards from what each stack says it is for, so a
 * stack of a new concern gets its kind with no change here.
 */
export function stackKind(stack: AccountStack, environmentNames: ReadonlySet<string>): string {
  let name = stack.node.id;
  if (environmentNames.has(stack.environment) && name.startsWith(`${stack.environment}-`)) name = `<env>${name.slice(stack.environment.length)}`;
  if (name.includes(`-${stack.region}-`) || name.endsWith(`-${stack.region}`)) return name.replace(`-${stack.region}`, "-<region>");
  // A stack whose name names neither region nor environment is one per account.
  if (name === stack.node.id && name.endsWith(`-${stack.account.name}`)) return `${name.slice(0, -stack.account.name.length)}<account>`;
  return name;
}

/** Every stack `org` builds, with its kind, without synthesizing. */
export function stackKinds(org: OrgModel): { readonly stack: AccountStack; readonly kind: string }[] {
  const app = Testing.app();
  buildOrg(app, org, {});
  const environmentNames = new Set(org.environments.map((e) => e.name));
  return app.node.children.filter((c): c is AccountStack => c instanceof AccountStack).map((stack) => ({ stack, kind: stackKind(stack, environmentNames) }));
}

/** Every stack `org` synthesizes, with the outputs read from its synthesized `output` block. */
export function stackOutputs(org: OrgModel): StackOutputs[] {
  return stackKinds(org).map(({ stack, kind }) => {
    const json = JSON.parse(Testing.synth(stack)) as { output?: Record<string, { description?: string }> };
    return {
      stack: stack.node.id,
      kind,
      accountRole: stack.account.role,
      outputs: Object.entries(json.output ?? {}).map(([name, output]) => ({ name, description: output.description })),
    };
  });
}

/** The outputs grouped by stack kind (in synthesis order), each with the stacks of the kind that have it. */
export function stackOutputsReference(stacks: readonly StackOutputs[]): string {
  const kinds = [...new Set(stacks.map((s) => s.kind))];
  const sections = kinds.map((kind) => {
    const ofKind = stacks.filter((s) => s.kind === kind);
    const names = [...new Set(ofKind.flatMap((s) => s.outputs.map((o) => o.name)))];
    const accounts = [...new Set(ofKind.map((s) => s.accountRole))];
    const rows = names.map((name) => {
      const having = ofKind.filter((s) => s.outputs.some((o) => o.name === name));
      const description = having.map((s) => s.outputs.find((o) => o.name === name)!.description).find((d) => d) ?? "";
      const presence = having.length === ofKind.length ? "every stack" : `${having.length} of ${ofKind.length}: ${having.map((s) => s.stack).join(", ")}`;
      return [code(name), prose(description), presence];
    });
    return [
      `## ${code(kind)}`,
      "",
      `${ofKind.length} stack(s) in the example org, in the ${accounts.join(", ")} account(s): ${ofKind.map((s) => code(s.stack)).join(", ")}.`,
      "",
      rows.length ? table(["output", "description", "in"], rows) : "No outputs.",
      "",
    ].join("\n");
  });
  return [
    generatedHeader("Stack outputs", "the stacks of the bundled example org (`environments/example-org.ts`), synthesized in-process"),
    "",
    "What each kind of stack exports. Consumers read these through remote state of the producer's state",
    "key (`remoteStateOf(producer)`); `npm run state -- <stack> output <name>` reads one. Stacks of one kind",
    "differ only where the config does (an output in fewer than every stack says which have it).",
    "",
    ...sections,
  ].join("\n");
}
