import type { EnvironmentModel, OrgModel } from "../../planning/model";
import { arnOf, partitionOf } from "../../planning/partition";

/**
 * RAM principals for an environment's shares: its workload account ids, or the ARNs of the OUs
 * holding them ("arn:aws:organizations::<management account>:ou/<organization id>/<ou id>", the
 * organization ARN for the root).
 * Validation made sure an OU holds no account outside the environment.
 */
export function sharePrincipalsOf(org: OrgModel, env: EnvironmentModel): string[] {
  if (env.shareWith === "accounts") return unique(env.workloadAccounts.map((a) => a.id));
  const management = org.accounts.find((a) => a.role === "management");
  if (!management) throw new Error(`environment ${env.name} shares with OUs but the org has no management account`);
  return unique(
    env.workloadAccounts.map((a) => {
      const ouId = org.organizationalUnits[a.ou];
      // The root is shared as the whole organization (RAM takes organization and OU ARNs).
      const resource = ouId.startsWith("r-") ? `organization/${org.organizationId}` : `ou/${org.organizationId}/${ouId}`;
      return arnOf(partitionOf(org.stateRegion), { service: "organizations", account: management.id, resource });
    }),
  );
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
