import { OamLink } from "@cdktf/provider-aws/lib/oam-link";
import { Construct } from "constructs";
import { SHARED_RESOURCE_TYPES } from "./observability-sink";

export interface ObservabilityLinkProps {
  /** ARN of the monitoring account's sink in the link's region (read from the sink stack's state). */
  readonly sinkArn: string;
}

/** A source account's link to the monitoring account's sink in one region: its metrics, log groups and traces. */
export class ObservabilityLink extends Construct {
  public readonly link: OamLink;

  constructor(scope: Construct, id: string, props: ObservabilityLinkProps) {
    super(scope, id);
    this.link = new OamLink(this, "link", {
      sinkIdentifier: props.sinkArn,
      resourceTypes: [...SHARED_RESOURCE_TYPES],
      // The monitoring account shows each source by its account name.
      labelTemplate: "$AccountName",
    });
  }
}
