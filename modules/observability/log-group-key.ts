import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Construct } from "constructs";
import { keyRoleStatements } from "../state/state-access-policies";
import { partitionOf, regionalArn } from "../../planning/partition";

/** The cryptographic actions CloudWatch Logs calls on a log group's key (AWS's documented key policy for log groups). */
export const LOG_GROUP_KEY_USE_ACTIONS = [
  "kms:Encrypt",
  "kms:Decrypt",
  "kms:ReEncryptFrom",
  "kms:ReEncryptTo",
  "kms:GenerateDataKey",
  "kms:GenerateDataKeyWithoutPlaintext",
  "kms:DescribeKey",
] as const;

/** Who administers and who reads a log-group key, by role ARN (the roles may not exist when the key is made). */
export interface LogGroupKeyRoles {
  /** Administer the key, never encrypt or decrypt with it (the deploy and break-glass roles). */
  readonly administrators: readonly string[];
  /** Reads the key's settings during plans (the plan role). */
  readonly planner: string;
}

export interface LogGroupKeyProps {
  /** Names the alias "alias/orgplat/logs/<name>": the stack's name, unique in its account and region. */
  readonly name: string;
  readonly accountId: string;
  readonly region: string;
  readonly roles: LogGroupKeyRoles;
  /**
   * Days a scheduled deletion waits (7-30); deletion itself is refused by prevent_destroy.
   * @default 30
   */
  readonly deletionWindowDays?: number;
}

/**
 * The key every log group of one stack is encrypted with. Only CloudWatch Logs of this account and
 * region uses it, and only for this account's log groups (`kms:EncryptionContext:aws:logs:arn`);
 * the deploy and break-glass roles administer it without using it. The policy is part of the key
 * itself, so it stands before any log group names the key (CloudWatch Logs checks it on association).
 */
export class LogGroupKey extends Construct {
  public readonly key: KmsKey;
  public readonly alias: KmsAlias;

  constructor(scope: Construct, id: string, props: LogGroupKeyProps) {
    super(scope, id);
    const { accountId, region, roles } = props;
    const policy = new DataAwsIamPolicyDocument(this, "policy", {
      statement: [
        ...keyRoleStatements(accountId, roles, partitionOf(region)),
        {
          sid: "LogGroupsOfThisAccountAndRegion",
          effect: "Allow",
          actions: [...LOG_GROUP_KEY_USE_ACTIONS],
          resources: ["*"],
          principals: [{ type: "Service", identifiers: [`logs.${region}.amazonaws.com`] }],
          condition: [{ test: "ArnLike", variable: "kms:EncryptionContext:aws:logs:arn", values: [regionalArn(region, "logs", accountId, "log-group:*")] }],
        },
      ],
    });
    this.key = new KmsKey(this, "key", {
      description: `CloudWatch log groups of ${props.name}`,
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowDays ?? 30,
      policy: policy.json,
      lifecycle: { preventDestroy: true },
    });
    this.alias = new KmsAlias(this, "alias", { name: `alias/orgplat/logs/${props.name}`, targetKeyId: this.key.keyId });
  }
}
