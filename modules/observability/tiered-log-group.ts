import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import type { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import type { Construct } from "constructs";

/** How long a log group's events matter: security evidence, application output, or debugging noise. */
export type LogTier = "security" | "application" | "debug";

/** Days CloudWatch Logs keeps a log group of each tier. */
export type LogRetentionDays = Readonly<Record<LogTier, number>>;

/** Tag every platform log group carries with its tier; guardrail ORG-LOG-1 reads it. */
export const LOG_TIER_TAG = "LogTier";

export interface TieredLogGroupProps {
  /** Log group name, e.g. "/orgplat/batch/dev-us-east-1". */
  readonly name: string;
  /** What the group holds; decides its retention. */
  readonly tier: LogTier;
  /** Days per tier for the environment the group belongs to. */
  readonly retentionDays: LogRetentionDays;
  /** Key of the group's own account and region, whose policy lets CloudWatch Logs there use it (see LogGroupKey). */
  readonly key: KmsKey;
}

/**
 * The only way the platform makes a log group: retention from its tier, encrypted with its
 * account's key, and refusing destroy (deleting a group deletes its events). A tier's new days
 * are an in-place PutRetentionPolicy, never a replacement.
 *
 * It is the log group itself rather than a wrapper: a wrapper would move every existing group to a
 * new Terraform address, which plans a destroy (refused by prevent_destroy) and a create.
 */
export class TieredLogGroup extends CloudwatchLogGroup {
  public readonly tier: LogTier;

  constructor(scope: Construct, id: string, props: TieredLogGroupProps) {
    super(scope, id, {
      name: props.name,
      retentionInDays: props.retentionDays[props.tier],
      kmsKeyId: props.key.arn,
      tags: { [LOG_TIER_TAG]: props.tier },
      lifecycle: { preventDestroy: true },
    });
    this.tier = props.tier;
  }
}
