import type { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { Construct } from "constructs";
import { TieredLogGroup, type LogRetentionDays } from "../observability/tiered-log-group";

/** Where the jobs of one Batch deployment write their output. */
export interface JobLogGroupProps {
  /** e.g. "dev-us-east-1". */
  readonly name: string;
  /** Days per log tier of the environment; job output is the application tier. */
  readonly retentionDays: LogRetentionDays;
  /** Key of this account and region the log group is encrypted with (see LogGroupKey). */
  readonly key: KmsKey;
}

/**
 * A log group of our own instead of Batch's shared "/aws/batch/job", which never expires and
 * would force the instance role to write to a group every deployment of the account shares.
 */
export class JobLogGroup extends Construct {
  public readonly logGroup: TieredLogGroup;

  constructor(scope: Construct, id: string, props: JobLogGroupProps) {
    super(scope, id);
    this.logGroup = new TieredLogGroup(this, "log-group", {
      name: `/orgplat/batch/${props.name}`,
      tier: "application",
      retentionDays: props.retentionDays,
      key: props.key,
    });
  }
}
