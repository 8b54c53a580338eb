import type { GuardrailRule, ResourceBody } from "../rule";

const STATE_ACCESS = ["backend.s3", "remote_state.s3"];

export const stateEncryptedWithKms: GuardrailRule = {
  id: "ORG-STATE-1",
  description: "State is written and read with the account's KMS key",
  why: "with encrypt = true and no kms_key_id the S3 backend sends AES256 on every write, which beats the bucket's KMS default: the state (secrets included) is SSE-S3",
  appliesTo: STATE_ACCESS,
  check: ({ body }) => {
    if (body.encrypt !== true) return "encrypt is not true";
    return body.kms_key_id ? undefined : "kms_key_id is not set (the state is encrypted with SSE-S3, not the state key)";
  },
  fix: "set `kmsKeyId` to the state bucket's key (the same in the backend and in every remote-state read)",
};

export const providerPinnedToAccount: GuardrailRule = {
  id: "ORG-PROV-1",
  description: "Every AWS provider names the account it may act in",
  why: "without allowed_account_ids, credentials or an assumed role of the wrong account apply the plan there",
  appliesTo: ["provider.aws"],
  check: ({ body }) => {
    const allowed = ([] as unknown[]).concat(body.allowed_account_ids ?? []);
    return allowed.length ? undefined : "allowed_account_ids is not set";
  },
  fix: "set `allowedAccountIds: [account.id]` (awsProviderFor does)",
};

/** The role ARNs an element assumes: providers list `assume_role` blocks, backends one object. */
function assumedRoleArns(body: ResourceBody): string[] {
  return ([] as ResourceBody[])
    .concat((body.assume_role as ResourceBody | ResourceBody[] | undefined) ?? [])
    .map((r) => r.role_arn)
    .filter((arn): arn is string => typeof arn === "string");
}

export const noAdminRoleWherePurposeRoleExists: GuardrailRule = {
  id: "ORG-ROLE-1",
  description: "Providers, backends and remote-state reads assume a purpose role, not the admin role",
  why: "a plan, a deploy or a state read with the admin (break-glass) role can do anything in the account if its pipeline is compromised",
  appliesTo: ["provider.aws", ...STATE_ACCESS],
  check: ({ body }, { forbiddenRoleNames }) => {
    if (!forbiddenRoleNames.length) return undefined;
    const admin = assumedRoleArns(body).filter((arn) => forbiddenRoleNames.some((name) => arn.endsWith(`:role/${name}`) || arn.endsWith(`/${name}`)));
    return admin.length ? `assumes ${admin.join(", ")}` : undefined;
  },
  fix: "assume the purpose role for the stack's work (plan, deploy or state read) instead",
};

export const ACCESS_RULES = [stateEncryptedWithKms, providerPinnedToAccount, noAdminRoleWherePurposeRoleExists];
