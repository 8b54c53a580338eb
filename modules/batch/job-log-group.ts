import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { Construct } from "constructs";

/** Where the jobs of one Batch deployment write their output. */
export interface JobLogGroupProps {
  /** e.g. "dev-us-east-1". */
  readonly name: string;
  /**
   * Days CloudWatch Logs keeps job output.
   * @default 90
   */
  readonly retentionDays?: number;
}

/**
 * A log group of our own instead of Batch's shared "/aws/batch/job", which never expires and
 * would force the instance role to write to a group every deployment of the account shares.
 */
export class JobLogGroup extends Construct {
  public readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: JobLogGroupProps) {
    super(scope, id);
    this.logGroup = new CloudwatchLogGroup(this, "log-group", { name: `/orgplat/batch/${props.name}`, retentionInDays: props.retentionDays ?? 90 });
  }
}
