import { actionsMatching, CHANGING_ACCESS_LEVELS, isWildcard, type IamAction } from "../iam-actions";
import { isTrustStatement, POLICY_KINDS, statementsOf, type PolicyStatement } from "../policy-statements";
import type { GuardrailRule } from "../rule";

const allows = (statements: PolicyStatement[]) => statements.filter((s) => s.effect === "Allow" && !isTrustStatement(s));
const changing = (actions: readonly IamAction[]) => actions.filter((a) => CHANGING_ACCESS_LEVELS.includes(a.accessLevel));
const sample = (names: string[]) => (names.length > 3 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more` : names.join(", "));

export const noWildcardActions: GuardrailRule = {
  id: "ORG-IAM-1",
  description: "IAM Allow statements name the actions that change things; wildcards only over read and list actions",
  why: 'IAM matches actions case-insensitively with * and ?, so "iam:Pass*" or "EC2:*" grant writes as surely as "*", including actions AWS adds later',
  appliesTo: POLICY_KINDS,
  check: (subject) => {
    const problems: string[] = [];
    for (const action of allows(statementsOf(subject))
      .flatMap((s) => s.actions)
      .filter(isWildcard)) {
      const matched = actionsMatching(action);
      if ("everything" in matched) problems.push(`"${action}" grants every action of every service`);
      else if ("actions" in matched) {
        const writes = changing(matched.actions);
        if (writes.length)
          problems.push(`"${action}" grants ${writes.length} changing action(s): ${sample(writes.map((a) => `${a.name} (${a.accessLevel})`))}`);
      }
    }
    return problems.length ? `Allow statement: ${problems.join("; ")}` : undefined;
  },
  fix: "list the actions the principal needs (least privilege); a wildcard may cover only List and Read actions",
};

export const noNotActionOrNotResource: GuardrailRule = {
  id: "ORG-IAM-2",
  description: "IAM Allow statements use Action and Resource, never NotAction or NotResource",
  why: "an Allow with NotAction grants every other action of every service, today's and tomorrow's; NotResource likewise every other resource",
  appliesTo: POLICY_KINDS,
  check: (subject) => {
    const found = allows(statementsOf(subject)).flatMap((s) => [
      ...(s.notActions.length ? [`NotAction ${s.notActions.join(", ")}`] : []),
      ...(s.notResources.length ? [`NotResource ${s.notResources.join(", ")}`] : []),
    ]);
    return found.length ? `Allow statement with ${found.join("; ")}` : undefined;
  },
  fix: "list the actions and resources the Allow grants; keep NotAction/NotResource for Deny statements",
};

export const noWriteOnEveryResource: GuardrailRule = {
  id: "ORG-IAM-3",
  description: 'Changing actions that can be scoped to resources are not granted on Resource "*" without a condition',
  why: "Resource \"*\" with a write grants it on every resource of the account, including other teams' and the platform's own",
  appliesTo: POLICY_KINDS,
  check: (subject) => {
    const broad = allows(statementsOf(subject)).filter((s) => s.resources.includes("*") && s.conditions.length === 0);
    const writes = broad.flatMap((s) =>
      s.actions.flatMap((action) => {
        const matched = actionsMatching(action);
        return "actions" in matched
          ? changing(matched.actions)
              .filter((a) => a.hasResourceTypes)
              .map((a) => a.name)
          : [];
      }),
    );
    return writes.length ? `Resource "*" without a condition with ${sample([...new Set(writes)])}` : undefined;
  },
  fix: "name the resources (ARNs or ARN patterns), or add a condition (e.g. aws:ResourceTag) that scopes them",
};

/**
 * Service principals that accept aws:SourceAccount/aws:SourceArn in a role trust (each
 * service's "cross-service confused deputy prevention" page). EC2, Lambda and EKS Pod Identity
 * do not: their trusts are checked for nothing here. Add a service when AWS documents it.
 */
export const SERVICES_WITH_SOURCE_CONDITIONS = [
  "batch.amazonaws.com",
  "cloudtrail.amazonaws.com",
  "config.amazonaws.com",
  "ecs-tasks.amazonaws.com",
  "eks.amazonaws.com",
  "events.amazonaws.com",
  "scheduler.amazonaws.com",
  "states.amazonaws.com",
  "vpc-flow-logs.amazonaws.com",
];
const SOURCE_KEYS = ["aws:sourceaccount", "aws:sourcearn"];

export const serviceTrustPinned: GuardrailRule = {
  id: "ORG-IAM-4",
  description: "Role trusts of AWS services pin the calling account or resource",
  why: "without aws:SourceAccount/aws:SourceArn a service acting for another customer can be made to assume the role (confused deputy)",
  appliesTo: POLICY_KINDS,
  check: (subject) => {
    const unpinned = statementsOf(subject)
      .filter(isTrustStatement)
      .filter((s) => !s.conditions.some((c) => SOURCE_KEYS.includes(c.variable.toLowerCase())))
      .flatMap((s) => s.principals.filter((p) => p.type === "Service").flatMap((p) => p.identifiers))
      .filter((service) => SERVICES_WITH_SOURCE_CONDITIONS.includes(service));
    return unpinned.length ? `trust of ${unpinned.join(", ")} has neither aws:SourceAccount nor aws:SourceArn` : undefined;
  },
  fix: "add a condition `StringEquals aws:SourceAccount = <account id>` (and `ArnLike aws:SourceArn` where the resource is known)",
};

export const webIdentityTrustPinned: GuardrailRule = {
  id: "ORG-IAM-5",
  description: "Web-identity trusts match the token's sub and aud exactly",
  why: "without StringEquals on sub every workload the identity provider vouches for (any service account, any repository) can assume the role",
  appliesTo: POLICY_KINDS,
  check: (subject) => {
    const loose = statementsOf(subject)
      .filter((s) => s.effect === "Allow" && s.actions.some((a) => /^sts:AssumeRoleWithWebIdentity$/i.test(a)))
      .flatMap((s) => {
        const exact = s.conditions.filter((c) => c.test === "StringEquals").map((c) => c.variable);
        return [":sub", ":aud"].filter((claim) => !exact.some((v) => v.endsWith(claim))).map((claim) => claim.slice(1));
      });
    return loose.length ? `web-identity trust lacks StringEquals on ${[...new Set(loose)].join(" and ")}` : undefined;
  },
  fix: "add `StringEquals` conditions on `<issuer>:sub` (the exact subject) and `<issuer>:aud` (e.g. sts.amazonaws.com)",
};

/** AWS-managed policies that make their holder an administrator, or able to become one. */
const ADMIN_POLICY = /^arn:aws[\w-]*:iam::aws:policy\/(?:[\w-]+\/)*(AdministratorAccess(?:-[\w-]+)?|PowerUserAccess|IAMFullAccess)$/;

export const noManagedAdminPolicy: GuardrailRule = {
  id: "ORG-IAM-6",
  description: "No AWS-managed administrator or power-user policy is attached",
  why: "AdministratorAccess, PowerUserAccess and IAMFullAccess make a workload or person an administrator of the account",
  appliesTo: [
    "aws_iam_role_policy_attachment",
    "aws_iam_user_policy_attachment",
    "aws_iam_group_policy_attachment",
    "aws_iam_policy_attachment",
    "aws_iam_role_policy_attachments_exclusive",
    "aws_iam_role",
    "aws_ssoadmin_managed_policy_attachment",
  ],
  check: ({ body }) => {
    const arns = [body.policy_arn, body.managed_policy_arn, ...([] as unknown[]).concat(body.managed_policy_arns ?? [], body.policy_arns ?? [])].map(String);
    const admin = arns.filter((arn) => ADMIN_POLICY.test(arn));
    return admin.length ? `attaches ${admin.join(", ")}` : undefined;
  },
  fix: "attach a policy with the actions the role needs; administration goes through the organization's admin role",
};

export const actionsExist: GuardrailRule = {
  id: "ORG-IAM-7",
  description: "Every action a policy names exists in AWS",
  why: "IAM accepts an action that does not exist and grants nothing with it: a typo in an Allow fails at run time, one in a Deny silently protects nothing",
  appliesTo: POLICY_KINDS,
  check: (subject) => {
    const unknown = statementsOf(subject)
      .flatMap((s) => [...s.actions, ...s.notActions])
      .filter((action) => {
        const matched = actionsMatching(action);
        return "unknownService" in matched || ("actions" in matched && matched.actions.length === 0);
      });
    return unknown.length ? `no such action: ${[...new Set(unknown)].join(", ")}` : undefined;
  },
  fix: "spell the action as AWS's Service Authorization Reference does (service prefix and action name)",
};

export const IAM_RULES = [
  noWildcardActions,
  noNotActionOrNotResource,
  noWriteOnEveryResource,
  serviceTrustPinned,
  webIdentityTrustPinned,
  noManagedAdminPolicy,
  actionsExist,
];
