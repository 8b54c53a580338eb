import { ROLE_PURPOSES, type RolePurpose } from "../../modules/aws/account-role";
import type { OrgStacks } from "../../stacks/org-app";
import { buildTestOrg, exampleOrgModel, synthStack, type StackJson } from "../support/synth";

type AssumeRole = { role_arn: string };
const roleOf = (arn: string): string => arn.split(":role/")[1];
const accountOf = (arn: string): string => arn.split(":")[4];

/** Every role ARN a synthesized stack assumes, by where it is assumed. */
function assumedRoles(json: StackJson): { providers: string[]; backend?: string; remoteStates: string[] } {
  const providers = (json.provider?.aws ?? []).flatMap((p) => ((p.assume_role ?? []) as AssumeRole[]).map((r) => r.role_arn));
  const backend = (json.terraform?.backend as { s3?: { assume_role?: AssumeRole } } | undefined)?.s3?.assume_role?.role_arn;
  const remoteStates = Object.values(json.data?.terraform_remote_state ?? {}).flatMap(
    (d) => (d.config as { assume_role?: AssumeRole }).assume_role?.role_arn ?? [],
  );
  return { providers, backend, remoteStates };
}

describe("the role every provider, backend and remote-state read assumes", () => {
  const org = exampleOrgModel();
  const expected: Record<Exclude<RolePurpose, "session">, string> = {
    plan: "orgplat-plan",
    deploy: "orgplat-deploy",
    "break-glass": "OrganizationAccountAccessRole",
  };
  const ASSUMING = ROLE_PURPOSES.filter((p): p is Exclude<RolePurpose, "session"> => p !== "session");
  const synthesized = new Map<RolePurpose, { stacks: OrgStacks; json: Map<string, StackJson> }>();
  const jsonOf = (purpose: RolePurpose) => {
    if (!synthesized.has(purpose)) {
      const stacks = buildTestOrg(org, { purpose });
      synthesized.set(purpose, { stacks, json: new Map(stacks.all.map((s) => [s.node.id, synthStack(s).json])) });
    }
    return synthesized.get(purpose)!;
  };

  it.each(ASSUMING)("in %s mode, providers and the stack's own backend assume that purpose's role in the stack's own account", (purpose) => {
    const { stacks, json } = jsonOf(purpose);
    for (const stack of stacks.all) {
      const roles = assumedRoles(json.get(stack.node.id)!);
      expect(roles.providers.length).toBeGreaterThan(0);
      for (const arn of [...roles.providers, ...(roles.backend ? [roles.backend] : [])]) {
        expect({ stack: stack.node.id, role: roleOf(arn), account: accountOf(arn) }).toEqual({
          stack: stack.node.id,
          role: expected[purpose],
          account: stack.account.id,
        });
      }
    }
  });

  it.each(ROLE_PURPOSES)(
    "in %s mode, every read of another stack's outputs goes through the producer account's state reader for the consumer's account",
    (purpose) => {
      const { stacks, json } = jsonOf(purpose);
      let reads = 0;
      for (const consumer of stacks.all) {
        const producers = new Map(consumer.producers.map((p) => [`state-of-${p.node.id}`, p]));
        for (const [name, data] of Object.entries(json.get(consumer.node.id)!.data?.terraform_remote_state ?? {})) {
          const producer = producers.get(name);
          if (!producer) continue; // a stack's read of its own state (Batch colour ledger) uses its own role, checked above
          reads += 1;
          const arn = (data.config as { assume_role: AssumeRole }).assume_role.role_arn;
          expect(arn).toBe(`arn:aws:iam::${producer.account.id}:role/orgplat-state-reader-${consumer.account.name}`);
        }
      }
      expect(reads).toBeGreaterThan(10);
    },
  );

  it("in session mode (CI), assumes no role in providers or the stack's own backend, and still pins the account", () => {
    const { stacks, json } = jsonOf("session");
    for (const stack of stacks.all) {
      const stackJson = json.get(stack.node.id)!;
      const roles = assumedRoles(stackJson);
      expect({ stack: stack.node.id, providers: roles.providers, backend: roles.backend }).toEqual({ stack: stack.node.id, providers: [], backend: undefined });
      for (const provider of stackJson.provider?.aws ?? []) expect(provider.allowed_account_ids).toEqual([stack.account.id]);
    }
  });

  it("gets Kubernetes tokens as the stack's purpose role, and as the session itself in session mode", () => {
    const execArgsOf = (purpose: RolePurpose) =>
      [...jsonOf(purpose).json.entries()]
        .filter(([name]) => name.endsWith("-eks-addons"))
        .map(([, json]) => (json.provider!.kubernetes[0].exec as { args: string[] }[])[0].args);
    for (const args of execArgsOf("deploy")) expect(args).toEqual(expect.arrayContaining(["--role-arn", expect.stringMatching(/:role\/orgplat-deploy$/)]));
    for (const args of execArgsOf("session")) expect(args).not.toContain("--role-arn");
  });

  it("assumes the admin role nowhere unless break-glass is asked for", () => {
    for (const purpose of ["plan", "deploy", "session"] as const) {
      for (const json of jsonOf(purpose).json.values())
        expect(JSON.stringify(json)).not.toMatch(/"role_arn":"arn:aws:iam::\d{12}:role\/OrganizationAccountAccessRole"/);
    }
  });

  it("plans by default: a synth that names no purpose can never write", () => {
    const stacks = buildTestOrg(org);
    const roles = assumedRoles(synthStack(stacks.network[0]).json);
    expect(roles.providers.map(roleOf)).toEqual(["orgplat-plan"]);
    expect(roleOf(roles.backend!)).toBe("orgplat-plan");
  });

  it("keeps the resources identical whatever the purpose, so a plan-mode plan of a deploy-mode apply shows no change", () => {
    const strip = (json: StackJson) =>
      JSON.stringify({ resource: json.resource, output: json.output, data: { ...json.data, terraform_remote_state: undefined } });
    const plan = jsonOf("plan").json;
    for (const purpose of ["deploy", "session"] as const) {
      for (const [name, json] of jsonOf(purpose).json)
        expect({ purpose, name, same: strip(json) === strip(plan.get(name)!) }).toEqual({ purpose, name, same: true });
    }
  });

  it("encrypts every backend and remote-state read under the state account's key alias", () => {
    const { json } = jsonOf("deploy");
    let checked = 0;
    for (const stack of json.values()) {
      const backend = (stack.terraform?.backend as { s3?: { kms_key_id: string; bucket: string; encrypt: boolean } } | undefined)?.s3;
      const configs = [
        ...(backend ? [backend] : []),
        ...Object.values(stack.data?.terraform_remote_state ?? {}).map((d) => d.config as { kms_key_id: string; bucket: string; encrypt: boolean }),
      ];
      for (const config of configs) {
        const account = config.bucket.split("-").pop();
        expect(config).toMatchObject({ encrypt: true, kms_key_id: `arn:aws:kms:us-east-1:${account}:alias/example-tfstate` });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });
});
