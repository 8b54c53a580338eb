import type { Construct } from "constructs";
import type { AccountModel, OrgModel, RegionModel } from "../planning/model";
import { SHARED_ENVIRONMENT } from "../planning/reserved-names";
import { purposeRoleArns } from "../modules/access/account-access";
import { FlowLogArchiveBucket } from "../modules/observability/flow-log-archive-bucket";
import { flowLogArchiveBucketName } from "../modules/observability/flow-log-archive-location";
import { AccountStack, type AccountStackProps } from "./account-stack";
import { roleNamesOf } from "./account-access-plan";
import { LOG_ARCHIVE_OUTPUTS } from "./output-contracts";
import { writeOutputs } from "./stack-outputs";

export interface LogArchiveStackProps extends Omit<AccountStackProps, "region" | "account" | "environment"> {
  /** The region whose VPC flow logs the stack archives (delivery stays in the region). */
  readonly regionModel: RegionModel;
  /** The org's log-archive account. */
  readonly archiveAccount: AccountModel;
}

/** The org's log-archive account (the first account with role "log-archive"), if it has one. */
export function logArchiveAccountOf(org: OrgModel): AccountModel | undefined {
  return org.accounts.find((a) => a.role === "log-archive");
}

/**
 * The log-archive account's bucket for the VPC flow logs of one region, delivered there by the
 * network account's flow logs. The network stacks derive the bucket's name; they never read this
 * stack's state, and no role of the network account reaches into this account.
 */
export class LogArchiveStack extends AccountStack {
  public readonly flowLogs: FlowLogArchiveBucket;

  constructor(scope: Construct, name: string, props: LogArchiveStackProps) {
    super(scope, name, { ...props, environment: SHARED_ENVIRONMENT, account: props.archiveAccount, region: props.regionModel.name });
    const roles = purposeRoleArns(this.account.id, roleNamesOf(props.org), this.partition);
    this.flowLogs = new FlowLogArchiveBucket(this, "flow-logs", {
      bucketName: flowLogArchiveBucketName(props.org.name, this.account.id, this.region),
      accountId: this.account.id,
      region: this.region,
      sourceAccountIds: [props.org.networkAccount.id],
      retentionDays: props.org.logRetention.security,
      roles: { administrators: [roles.deploy, roles.breakGlass], planner: roles.plan },
    });
    writeOutputs(this, LOG_ARCHIVE_OUTPUTS, { flowLogBucket: this.flowLogs.bucket.bucket });
  }
}
