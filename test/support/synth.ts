import { Testing, type TerraformStack } from "cdktf";
import { exampleOrg } from "../../environments/example-org";
import { resolveOrg } from "../../environments/load";
import type { OrgModel } from "../../planning/model";
import type { OrgConfigInput } from "../../environments/schema";
import type { DeploymentTarget } from "../../modules/aws/deployment-target";
import { buildOrg, type OrgStacks } from "../../stacks/org-app";

/** Terraform JSON of one synthesized stack. */
export type StackJson = {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, { value: unknown }>;
  provider?: Record<string, Record<string, unknown>[]>;
  terraform?: Record<string, unknown>;
};

/** A deep copy of the bundled example org, to tweak in a test without touching other tests. */
export function exampleOrgInput(): OrgConfigInput {
  return structuredClone(exampleOrg);
}

export function exampleOrgModel(): OrgModel {
  return resolveOrg(exampleOrgInput(), "example-org (test)");
}

/** Builds every stack of `org` into a fresh test app. */
export function buildTestOrg(org: OrgModel = exampleOrgModel(), target: DeploymentTarget = {}): OrgStacks {
  return buildOrg(Testing.app(), org, target);
}

/** Synthesized JSON string (for cdktf matchers) and parsed form of a stack. */
export function synthStack(stack: TerraformStack): { text: string; json: StackJson } {
  const text = Testing.synth(stack, true);
  return { text, json: JSON.parse(text) as StackJson };
}

/** The bodies of every resource of `type` in a synthesized stack. */
export function resourcesOf(json: StackJson, type: string): Record<string, unknown>[] {
  return Object.values(json.resource?.[type] ?? {});
}

export function findStack<T extends TerraformStack>(stacks: readonly T[], name: string): T {
  const stack = stacks.find((s) => s.node.id === name);
  if (!stack) throw new Error(`no stack named ${name}; have ${stacks.map((s) => s.node.id).join(", ")}`);
  return stack;
}
