import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { AccountModel, OrgModel } from "../planning/model";
import { BOOTSTRAP_ENVIRONMENT } from "../planning/reserved-names";
import { purposeRoleArns, type GithubTrust, type PurposeRoleNames, type StateReader } from "../modules/access/account-access";
import { servicesOfResourceTypes } from "../modules/access/service-actions";
import { accountRoleArn, stateReaderRoleName } from "../modules/aws/account-role";
import type { AccountStack } from "./account-stack";
import { partitionOf } from "../planning/partition";

/** Terraform types the bootstrap stack itself manages (its bucket, key and roles). */
const BOOTSTRAP_TYPES = ["aws_s3_bucket", "aws_kms_key", "aws_iam_role"];

/** What one account's bootstrap must grant, derived from the stacks that land in the account and their reads. */
export interface AccountAccessPlan {
  readonly roleNames: PurposeRoleNames;
  readonly services: readonly string[];
  /** Regions of the account's providers (the state region included). */
  readonly regions: readonly string[];
  /** Undefined for the management account (no CI role there) and for orgs without `access.github`. */
  readonly github?: GithubTrust;
  readonly operators: { readonly plan: readonly string[]; readonly deploy: readonly string[] };
  /** One per consumer account that reads this account's state. */
  readonly stateReaders: readonly StateReader[];
  readonly producerStateReaderArns: readonly string[];
}

export function roleNamesOf(org: OrgModel): PurposeRoleNames {
  return { plan: org.access.planRoleName, deploy: org.access.deployRoleName, breakGlass: org.accessRoleName };
}

/** Regions of a stack's AWS providers. */
export function providerRegionsOf(stack: AccountStack): Set<string> {
  return new Set(stack.node.findAll().flatMap((c) => (c instanceof AwsProvider && c.region ? [c.region] : [])));
}

/** Terraform resource and data-source types a stack declares. */
export function terraformTypesOf(stack: AccountStack): Set<string> {
  const types = new Set<string>();
  for (const construct of stack.node.findAll()) {
    const type = (construct as { terraformResourceType?: unknown }).terraformResourceType;
    if (typeof type === "string") types.add(type);
  }
  return types;
}

/**
 * Access of `account`, from every non-bootstrap stack of the org (`stacks`): the services its stacks call,
 * the GitHub environments that deploy them, which of its state keys others read and whose state it reads.
 */
export function accountAccessPlan(org: OrgModel, account: AccountModel, stacks: readonly AccountStack[]): AccountAccessPlan {
  const names = roleNamesOf(org);
  const own = stacks.filter((s) => s.account.id === account.id);
  const types = new Set(BOOTSTRAP_TYPES);
  for (const stack of own) for (const type of terraformTypesOf(stack)) types.add(type);

  const reads = stacks.flatMap((consumer) => consumer.producers.filter((p) => p.account.id === account.id).map((producer) => ({ consumer, producer })));
  const consumerAccounts = [...new Map(reads.map(({ consumer }) => [consumer.account.id, consumer.account])).values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const stateReaders = consumerAccounts.map((consumer) => {
    const arns = purposeRoleArns(consumer.id, names, partitionOf(org.stateRegion));
    return {
      roleName: stateReaderRoleName(org, consumer),
      keys: [...new Set(reads.filter((r) => r.consumer.account.id === consumer.id).map((r) => r.producer.stateLocation.key))].sort(),
      consumerRoleArns: [arns.plan, arns.deploy, arns.breakGlass],
    };
  });
  const producerAccounts = new Set(own.flatMap((s) => s.producers.map((p) => p.account.id)));
  const github =
    org.access.github && account.role !== "management"
      ? {
          repository: org.access.github.repository,
          driftBranch: org.access.github.driftBranch,
          deployEnvironments: [...new Set([BOOTSTRAP_ENVIRONMENT, ...own.map((s) => s.environment)])].sort(),
        }
      : undefined;
  return {
    roleNames: names,
    services: servicesOfResourceTypes(types),
    regions: [...new Set([org.stateRegion, ...own.flatMap((s) => [...providerRegionsOf(s)])])].sort(),
    github,
    operators: org.access.operators,
    stateReaders,
    producerStateReaderArns: [...producerAccounts].sort().map((id) => accountRoleArn({ id }, stateReaderRoleName(org, account), partitionOf(org.stateRegion))),
  };
}
