import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import type { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import type { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Construct } from "constructs";
import { TieredLogGroup, type LogRetentionDays } from "../observability/tiered-log-group";
import { regionalArn } from "../../planning/partition";

/** Every packet decision of a VPC, kept in CloudWatch Logs (and copied to the log archive). */
export interface FlowLogsProps {
  readonly vpc: Vpc;
  /** Account and region the VPC lives in: they pin the delivery role's trust. */
  readonly accountId: string;
  readonly region: string;
  /** Days per log tier of the environment; flow logs are the security tier. */
  readonly retentionDays: LogRetentionDays;
  /** Key of this account and region the log group is encrypted with (see LogGroupKey). */
  readonly key: KmsKey;
  /**
   * ARN of the log-archive bucket (optionally with a folder, "arn:aws:s3:::<bucket>/<folder>") a second
   * flow log delivers the same records to, out of this account's reach.
   * @default no archive copy
   */
  readonly archiveDestination?: string;
  /** Names the log group and role, e.g. "dev-us-east-1". */
  readonly name: string;
  /**
   * Seconds over which records are aggregated (60 or 600).
   * @default 60
   */
  readonly maxAggregationInterval?: 60 | 600;
}

/**
 * Flow logs to a log group created here (so its retention is ours, not "never expire"), delivered
 * by a role that only the flow-logs service of this account may assume and that may only write
 * streams of this one group.
 */
export class FlowLogs extends Construct {
  public readonly logGroup: TieredLogGroup;
  public readonly deliveryRole: IamRole;
  public readonly flowLog: FlowLog;
  /** The copy to the log-archive bucket, when there is one. */
  public readonly archiveFlowLog?: FlowLog;

  constructor(scope: Construct, id: string, props: FlowLogsProps) {
    super(scope, id);
    this.logGroup = new TieredLogGroup(this, "log-group", {
      name: `/orgplat/vpc-flow-logs/${props.name}`,
      tier: "security",
      retentionDays: props.retentionDays,
      key: props.key,
    });
    const trust = new DataAwsIamPolicyDocument(this, "trust", {
      statement: [
        {
          effect: "Allow",
          actions: ["sts:AssumeRole"],
          principals: [{ type: "Service", identifiers: ["vpc-flow-logs.amazonaws.com"] }],
          // Confused-deputy guard: only flow logs of this account and region may use the role.
          condition: [
            { test: "StringEquals", variable: "aws:SourceAccount", values: [props.accountId] },
            { test: "ArnLike", variable: "aws:SourceArn", values: [regionalArn(props.region, "ec2", props.accountId, "vpc-flow-log/*")] },
          ],
        },
      ],
    });
    this.deliveryRole = new IamRole(this, "delivery-role", {
      name: `${props.name}-vpc-flow-logs`,
      assumeRolePolicy: trust.json,
      description: `Delivers the flow logs of ${props.name} to ${this.logGroup.name}`,
    });
    const delivery = new DataAwsIamPolicyDocument(this, "delivery", {
      statement: [
        {
          effect: "Allow",
          actions: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
          resources: [this.logGroup.arn, `${this.logGroup.arn}:log-stream:*`],
        },
        {
          // The service checks the group exists before delivering; the action cannot be scoped to one group.
          effect: "Allow",
          actions: ["logs:DescribeLogGroups"],
          resources: [regionalArn(props.region, "logs", props.accountId, "log-group:*")],
        },
      ],
    });
    new IamRolePolicy(this, "delivery-policy", { role: this.deliveryRole.id, name: "deliver-flow-logs", policy: delivery.json });
    this.flowLog = new FlowLog(this, "flow-log", {
      vpcId: props.vpc.id,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: this.logGroup.arn,
      iamRoleArn: this.deliveryRole.arn,
      maxAggregationInterval: props.maxAggregationInterval ?? 60,
      tags: { Name: props.name },
    });
    if (props.archiveDestination) {
      // Delivered by the log service under the bucket's policy: no role, and nothing here can delete what it wrote.
      this.archiveFlowLog = new FlowLog(this, "archive-flow-log", {
        vpcId: props.vpc.id,
        trafficType: "ALL",
        logDestinationType: "s3",
        logDestination: props.archiveDestination,
        maxAggregationInterval: props.maxAggregationInterval ?? 60,
        tags: { Name: `${props.name}-archive` },
      });
    }
  }
}
