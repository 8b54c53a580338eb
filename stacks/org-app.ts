import type { Construct } from "constructs";
import type { OrgModel } from "../environments/model";
import type { DeploymentTarget } from "../modules/aws/deployment-target";
import type { AccountStack } from "./account-stack";
import { BootstrapStack } from "./bootstrap-stack";
import { NetworkStack } from "./network-stack";
import { bootstrapStackName, environmentStackName } from "./stack-names";

/** Every stack of the organization, by name. */
export interface OrgStacks {
  readonly bootstrap: readonly BootstrapStack[];
  readonly network: readonly NetworkStack[];
  readonly all: readonly AccountStack[];
}

/** Where the bootstrap stacks keep local state, relative to their synthesized directory. */
export function bootstrapLocalStatePath(stackName: string): string {
  // cdktf.out/stacks/<name>/ → project root; outside cdktf.out, which every synth replaces.
  return `../../../.bootstrap-state/${stackName}.tfstate`;
}

/**
 * Decides which stacks exist: a bootstrap per account, then per
 * environment × region the concerns that environment runs.
 */
export function buildOrg(scope: Construct, org: OrgModel, target: DeploymentTarget): OrgStacks {
  const network = org.environments.flatMap((env) =>
    env.vpcs.map(
      (vpcModel) =>
        new NetworkStack(scope, environmentStackName(env.name, vpcModel.region.name, "network"), {
          org,
          environment: env.name,
          target,
          vpcModel,
        }),
    ),
  );
  const environmentStacks: AccountStack[] = [...network];
  const bootstrap = org.accounts.map((account) => {
    const name = bootstrapStackName(account);
    return new BootstrapStack(scope, name, {
      org,
      account,
      target,
      localStatePath: org.bootstrapBackend === "local" ? bootstrapLocalStatePath(name) : undefined,
    });
  });
  return { bootstrap, network, all: [...bootstrap, ...environmentStacks] };
}
