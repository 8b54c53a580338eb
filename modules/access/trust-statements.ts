import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { accountRootArn, partitionOfArn } from "../../planning/partition";

/** Audience GitHub's OIDC tokens carry when requested for AWS STS. */
export const GITHUB_OIDC_AUDIENCE = "sts.amazonaws.com";
/** Issuer host of GitHub Actions' OIDC tokens; also the prefix of their condition keys. */
export const GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";

/**
 * Lets exactly the named roles assume this one. The principal is each role's account and the role
 * itself is pinned with `aws:PrincipalArn`: IAM refuses a trust that names a role which does not
 * exist yet, and the roles of another account may be created after this one.
 */
export function trustRoles(sid: string, roleArns: readonly string[]): DataAwsIamPolicyDocumentStatement {
  // Each role's account, in the role's own partition.
  const accountRoots = [...new Set(roleArns.map((arn) => accountRootArn(partitionOfArn(arn), arn.split(":")[4])))].sort();
  return {
    sid,
    effect: "Allow",
    actions: ["sts:AssumeRole"],
    principals: [{ type: "AWS", identifiers: accountRoots }],
    condition: [{ test: "ArnEquals", variable: "aws:PrincipalArn", values: [...roleArns].sort() }],
  };
}

/** Lets GitHub Actions runs whose token `sub` is one of `subjects` assume the role, for STS only. */
export function trustGithub(sid: string, oidcProviderArn: string, subjects: readonly string[]): DataAwsIamPolicyDocumentStatement {
  return {
    sid,
    effect: "Allow",
    actions: ["sts:AssumeRoleWithWebIdentity"],
    principals: [{ type: "Federated", identifiers: [oidcProviderArn] }],
    condition: [
      { test: "StringEquals", variable: `${GITHUB_OIDC_HOST}:aud`, values: [GITHUB_OIDC_AUDIENCE] },
      { test: "StringEquals", variable: `${GITHUB_OIDC_HOST}:sub`, values: [...subjects] },
    ],
  };
}

/** `sub` of a pull-request run of `repository`. */
export const pullRequestSubject = (repository: string): string => `repo:${repository}:pull_request`;
/** `sub` of a run on `branch` that names no GitHub environment (the scheduled drift check). */
export const branchSubject = (repository: string, branch: string): string => `repo:${repository}:ref:refs/heads/${branch}`;
/** `sub` of a job that runs in GitHub environment `environment` (its protection rules apply first). */
export const environmentSubject = (repository: string, environment: string): string => `repo:${repository}:environment:${environment}`;
