import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { Construct } from "constructs";
import { accountRoleArn } from "../aws/account-role";
import type { StateBucket } from "../state/state-bucket";
import { Guardrails } from "../guardrails/guardrails";
import { GithubOidcProvider } from "./github-oidc-provider";
import { PurposeRole } from "./purpose-role";
import { deployActionsFor, PLAN_DENIED_DATA_READS, planActionsFor } from "./service-actions";
import { stateReadAndLock, stateReadOnly, stateReadWrite } from "./state-statements";
import { branchSubject, environmentSubject, pullRequestSubject, trustGithub, trustRoles } from "./trust-statements";
import { arnOf, partitionOf, type Partition } from "../../planning/partition";

/** Role names by purpose, the same in every account. */
export interface PurposeRoleNames {
  readonly plan: string;
  readonly deploy: string;
  /** The admin role that exists outside orgplat (e.g. OrganizationAccountAccessRole): never passed or changed by deploy. */
  readonly breakGlass: string;
}

/** ARNs of an account's roles by purpose. */
export function purposeRoleArns(accountId: string, names: PurposeRoleNames, partition: Partition): Record<keyof PurposeRoleNames, string> {
  const arn = (name: string) => accountRoleArn({ id: accountId }, name, partition);
  return { plan: arn(names.plan), deploy: arn(names.deploy), breakGlass: arn(names.breakGlass) };
}

/** Where CI runs from: the plan role trusts pull requests and the drift branch; deploy trusts the GitHub environments. */
export interface GithubTrust {
  /** "<owner>/<repo>". */
  readonly repository: string;
  /** Branch of the scheduled drift check. */
  readonly driftBranch: string;
  /** GitHub environments whose deploy jobs apply stacks in this account (one per orgplat environment with stacks here). */
  readonly deployEnvironments: readonly string[];
}

/** One consumer account's reads of this account's state: its own state-reader role here. */
export interface StateReader {
  /** Role name in this account, e.g. "orgplat-state-reader-workload-dev". */
  readonly roleName: string;
  /** State keys the consumer's stacks read (the producers' keys). */
  readonly keys: readonly string[];
  /** The consumer account's roles that read them (its plan, deploy and break-glass roles). */
  readonly consumerRoleArns: readonly string[];
}

export interface AccountAccessProps {
  readonly accountId: string;
  /** Role names from the org file. */
  readonly roleNames: PurposeRoleNames;
  /** IAM services the account's stacks call (`servicesOfResourceTypes`). */
  readonly services: readonly string[];
  /** Regions the account's stacks deploy into: the deploy role changes nothing elsewhere. */
  readonly regions: readonly string[];
  /** The account's state bucket and key. */
  readonly stateBucket: StateBucket;
  readonly stateRegion: string;
  /**
   * Trust of the plan and deploy roles to GitHub Actions through OIDC.
   * @default undefined (no OIDC provider, no CI trust: people only)
   */
  readonly github?: GithubTrust;
  /** People's roles that may assume the plan or deploy role. */
  readonly operators: { readonly plan: readonly string[]; readonly deploy: readonly string[] };
  /** Per consumer account, the keys of this account its stacks read: one state-reader role each. */
  readonly stateReaders: readonly StateReader[];
  /** State-reader roles of the accounts whose outputs this account's stacks read. */
  readonly producerStateReaderArns: readonly string[];
}

/**
 * The roles through which everything reaches one account: plan (read-only), deploy (applies),
 * state-reader (exactly the state keys other stacks read). Each trusts only who needs it, pinned
 * by condition. CI's jobs come in by GitHub OIDC straight into the stack account's plan or deploy
 * role and synthesize with `ORGPLAT_ROLE=session`, so nothing assumes a role from inside another.
 */
export class AccountAccess extends Construct {
  public readonly githubOidc?: GithubOidcProvider;
  public readonly plan: PurposeRole;
  public readonly deploy: PurposeRole;
  /** State-reader role per consumer account, by role name. */
  public readonly stateReaders: Readonly<Record<string, PurposeRole>>;

  constructor(scope: Construct, id: string, props: AccountAccessProps) {
    super(scope, id);
    const { roleNames, github } = props;
    const partition = partitionOf(props.stateRegion);
    const roles = purposeRoleArns(props.accountId, roleNames, partition);
    const state = { stateBucket: props.stateBucket, region: props.stateRegion };
    this.githubOidc = github ? new GithubOidcProvider(this, "github-oidc") : undefined;
    const githubTrust = (sid: string, subjects: string[]): DataAwsIamPolicyDocumentStatement[] =>
      this.githubOidc && subjects.length ? [trustGithub(sid, this.githubOidc.provider.arn, subjects)] : [];
    const peopleTrust = (arns: readonly string[]): DataAwsIamPolicyDocumentStatement[] => (arns.length ? [trustRoles("Operators", arns)] : []);
    const readOtherStates: DataAwsIamPolicyDocumentStatement[] = props.producerStateReaderArns.length
      ? [{ sid: "ReadOtherStacksOutputs", effect: "Allow", actions: ["sts:AssumeRole"], resources: [...props.producerStateReaderArns] }]
      : [];

    this.plan = new PurposeRole(this, "plan", {
      name: roleNames.plan,
      description: "orgplat: terraform plan (read-only, state lock files only)",
      trust: [
        ...githubTrust(
          "GithubPullRequestsAndDrift",
          github ? [pullRequestSubject(github.repository), branchSubject(github.repository, github.driftBranch)] : [],
        ),
        ...peopleTrust(props.operators.plan),
      ],
      permissions: [
        { sid: "ReadWhatTheStacksManage", effect: "Allow", actions: planActionsFor(props.services), resources: ["*"] },
        { sid: "NoDataReads", effect: "Deny", actions: [...PLAN_DENIED_DATA_READS], resources: ["*"] },
        ...stateReadAndLock(state),
        ...readOtherStates,
      ],
    });
    const deployActions = deployActionsFor(props.services);
    this.deploy = new PurposeRole(this, "deploy", {
      name: roleNames.deploy,
      description: "orgplat: terraform apply of this account's stacks",
      // An EKS cluster with its node group can take longer than the 1 h default.
      maxSessionSeconds: 4 * 3600,
      trust: [
        ...githubTrust("GithubDeployEnvironments", github ? github.deployEnvironments.map((e) => environmentSubject(github.repository, e)) : []),
        ...peopleTrust(props.operators.deploy),
      ],
      permissions: [
        {
          sid: "ManageWhatTheStacksManage",
          effect: "Allow",
          actions: deployActions.filter((a) => !a.startsWith("iam:")),
          resources: ["*"],
          condition: [{ test: "StringEquals", variable: "aws:RequestedRegion", values: [...props.regions].sort() }],
        },
        { sid: "ReadTheAccountsIam", effect: "Allow", actions: deployActions.filter((a) => /^iam:(Get|List)/.test(a)), resources: ["*"] },
        {
          sid: "ManageTheAccountsIamResources",
          effect: "Allow",
          actions: deployActions.filter((a) => a.startsWith("iam:") && !/^iam:(Get|List)/.test(a)),
          resources: ["role/*", "policy/*", "instance-profile/*", "oidc-provider/*"].map((resource) =>
            arnOf(partition, { service: "iam", account: props.accountId, resource }),
          ),
        },
        { sid: "PassOnlyTheAccountsRoles", effect: "Allow", actions: ["iam:PassRole"], resources: [accountRoleArn({ id: props.accountId }, "*", partition)] },
        {
          sid: "NeverPassOrChangeTheBreakGlassRole",
          effect: "Deny",
          actions: [
            "iam:PassRole",
            "iam:UpdateAssumeRolePolicy",
            "iam:PutRolePolicy",
            "iam:AttachRolePolicy",
            "iam:DeleteRole",
            "iam:DeleteRolePolicy",
            "iam:DetachRolePolicy",
          ],
          resources: [roles.breakGlass],
        },
        {
          sid: "NeverPassThePurposeRoles",
          effect: "Deny",
          actions: ["iam:PassRole"],
          resources: [roles.plan, roles.deploy, ...props.stateReaders.map((r) => accountRoleArn({ id: props.accountId }, r.roleName, partition))],
        },
        ...stateReadWrite(state),
        ...readOtherStates,
      ],
    });
    Guardrails.suppress(
      this.deploy,
      "ORG-IAM-1",
      "the deploy role applies every resource type of its account's stacks: verb families per service (ec2:Create*, s3:PutBucket*), derived from the synthesized types and limited to the account's regions and IAM resources; listing each action would take ~1,100 actions, several managed policies",
      ["aws_iam_policy_document"],
    );
    this.stateReaders = Object.fromEntries(
      props.stateReaders.map((reader) => [
        reader.roleName,
        new PurposeRole(this, reader.roleName, {
          name: reader.roleName,
          description: "orgplat: one account's stacks reading this account's state outputs",
          trust: [trustRoles("ConsumerStacks", reader.consumerRoleArns)],
          permissions: stateReadOnly(state, [...reader.keys].sort()),
        }),
      ]),
    );
  }
}
