import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { OamSink } from "@cdktf/provider-aws/lib/oam-sink";
import { OamSinkPolicy } from "@cdktf/provider-aws/lib/oam-sink-policy";
import { Construct } from "constructs";

/** What source accounts share with the monitoring account: metrics, log groups, traces. */
export const SHARED_RESOURCE_TYPES = ["AWS::CloudWatch::Metric", "AWS::Logs::LogGroup", "AWS::XRay::Trace"] as const;

export interface ObservabilitySinkProps {
  /** Sink name, e.g. "example-us-east-1". */
  readonly name: string;
  /** AWS Organizations id: only accounts of the organization may link. */
  readonly organizationId: string;
}

/**
 * The monitoring account's CloudWatch Observability Access Manager sink of one region. Any account of
 * the organization may link to it, sharing only metrics, log groups and traces.
 */
export class ObservabilitySink extends Construct {
  public readonly sink: OamSink;

  constructor(scope: Construct, id: string, props: ObservabilitySinkProps) {
    super(scope, id);
    this.sink = new OamSink(this, "sink", { name: props.name });
    const policy = new DataAwsIamPolicyDocument(this, "policy", {
      statement: [
        {
          sid: "LinksFromAccountsOfTheOrganization",
          effect: "Allow",
          actions: ["oam:CreateLink", "oam:UpdateLink"],
          resources: ["*"],
          // A sink policy names no accounts one by one: the organization condition is the boundary.
          principals: [{ type: "AWS", identifiers: ["*"] }],
          condition: [
            { test: "StringEquals", variable: "aws:PrincipalOrgID", values: [props.organizationId] },
            { test: "ForAllValues:StringEquals", variable: "oam:ResourceTypes", values: [...SHARED_RESOURCE_TYPES] },
          ],
        },
      ],
    });
    new OamSinkPolicy(this, "sink-policy", { sinkIdentifier: this.sink.arn, policy: policy.json });
  }
}
