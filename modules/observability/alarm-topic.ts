import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsAlias } from "@cdktf/provider-aws/lib/kms-alias";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { SnsTopic } from "@cdktf/provider-aws/lib/sns-topic";
import { SnsTopicPolicy } from "@cdktf/provider-aws/lib/sns-topic-policy";
import { SnsTopicSubscription } from "@cdktf/provider-aws/lib/sns-topic-subscription";
import { Construct } from "constructs";
import { keyRoleStatements } from "../state/state-access-policies";
import { partitionOf, regionalArn } from "../../planning/partition";

/** Who administers and reads the topic's key, by role ARN. */
export interface AlarmTopicRoles {
  /** Administer the key, never use it (the deploy and break-glass roles). */
  readonly administrators: readonly string[];
  /** Reads the key's settings during plans (the plan role). */
  readonly planner: string;
}

export interface AlarmTopicProps {
  /** Topic name, also the key alias ("alias/alarms/<name>"). */
  readonly name: string;
  readonly accountId: string;
  readonly region: string;
  readonly roles: AlarmTopicRoles;
  /**
   * Who receives what is published (an e-mail address, HTTPS URL, queue or function ARN per protocol).
   * @default [] (no subscription; add them outside or later)
   */
  readonly subscriptions?: readonly { readonly protocol: string; readonly endpoint: string }[];
}

/**
 * The SNS topic an environment's paging alarms publish to, encrypted with a key of its own account.
 * Only CloudWatch alarms of this account and region may publish, and only they may use the key
 * (pinned with aws:SourceAccount and aws:SourceArn), so nothing else can page the on-call engineer.
 */
export class AlarmTopic extends Construct {
  public readonly topic: SnsTopic;
  public readonly key: KmsKey;

  constructor(scope: Construct, id: string, props: AlarmTopicProps) {
    super(scope, id);
    const { accountId, region } = props;
    const alarmsOfAccount = regionalArn(region, "cloudwatch", accountId, "alarm:*");
    const fromAlarmsOfAccount = [
      { test: "StringEquals", variable: "aws:SourceAccount", values: [accountId] },
      { test: "ArnLike", variable: "aws:SourceArn", values: [alarmsOfAccount] },
    ];
    const cloudwatch = [{ type: "Service", identifiers: ["cloudwatch.amazonaws.com"] }];
    const keyPolicy = new DataAwsIamPolicyDocument(this, "key-policy", {
      statement: [
        ...keyRoleStatements(accountId, props.roles, partitionOf(region)),
        // SNS encrypts each message with a data key the publisher (CloudWatch) asks for.
        {
          sid: "AlarmsOfThisAccountPublish",
          effect: "Allow",
          actions: ["kms:Decrypt", "kms:GenerateDataKey"],
          resources: ["*"],
          principals: cloudwatch,
          condition: fromAlarmsOfAccount,
        },
      ],
    });
    this.key = new KmsKey(this, "key", {
      description: `Encrypts alarm notifications on SNS topic ${props.name}`,
      enableKeyRotation: true,
      deletionWindowInDays: 30,
      policy: keyPolicy.json,
      // Messages queued for an HTTPS or SQS subscriber stay encrypted with it until delivered.
      lifecycle: { preventDestroy: true },
    });
    new KmsAlias(this, "alias", { name: `alias/alarms/${props.name}`, targetKeyId: this.key.keyId });
    this.topic = new SnsTopic(this, "topic", { name: props.name, kmsMasterKeyId: this.key.arn });
    const topicPolicy = new DataAwsIamPolicyDocument(this, "topic-policy", {
      statement: [
        {
          sid: "AlarmsOfThisAccountPublish",
          effect: "Allow",
          actions: ["sns:Publish"],
          resources: [this.topic.arn],
          principals: cloudwatch,
          condition: fromAlarmsOfAccount,
        },
      ],
    });
    new SnsTopicPolicy(this, "policy", { arn: this.topic.arn, policy: topicPolicy.json });
    (props.subscriptions ?? []).forEach(
      (s, i) => new SnsTopicSubscription(this, `subscription-${i}`, { topicArn: this.topic.arn, protocol: s.protocol, endpoint: s.endpoint }),
    );
  }
}
