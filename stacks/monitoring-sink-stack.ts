import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { SHARED_ENVIRONMENT } from "../planning/reserved-names";
import { ObservabilitySink } from "../modules/observability/observability-sink";
import { AccountStack, type AccountStackProps } from "./account-stack";

export interface MonitoringSinkStackProps extends Omit<AccountStackProps, "account" | "environment"> {}

/** The monitoring account's OAM sink in one region ("shared-<region>-oam-sink"): every workload and network account links to it. */
export class MonitoringSinkStack extends AccountStack {
  public readonly sink: ObservabilitySink;

  constructor(scope: Construct, name: string, props: MonitoringSinkStackProps) {
    const account = props.org.monitoringAccount;
    if (!account) throw new Error(`org "${props.org.name}" has no monitoring account; build no MonitoringSinkStack for it`);
    super(scope, name, { ...props, account, environment: SHARED_ENVIRONMENT });
    this.sink = new ObservabilitySink(this, "sink", { name: `${props.org.name}-${this.region}`, organizationId: props.org.organizationId });
    new TerraformOutput(this, "sink_arn", { value: this.sink.sink.arn, description: "OAM sink source accounts link to" });
  }

  /** The sink's ARN, read by `consumer` through remote state (a sink ARN ends in a generated id, so it cannot be derived). */
  public sinkArnFor(consumer: AccountStack): string {
    return consumer.remoteStateOf(this).getString("sink_arn");
  }
}
