import type { Construct } from "constructs";
import { SHARED_ENVIRONMENT } from "../planning/reserved-names";
import { ObservabilitySink } from "../modules/observability/observability-sink";
import { AccountStack, type AccountStackProps } from "./account-stack";
import { MONITORING_SINK_OUTPUTS } from "./output-contracts";
import { readOutputs, writeOutputs } from "./stack-outputs";

/** The account is the org's monitoring account and the environment is the shared one, so neither is given. */
export type MonitoringSinkStackProps = Omit<AccountStackProps, "account" | "environment">;

/** The monitoring account's OAM sink in one region ("shared-<region>-oam-sink"): every workload and network account links to it. */
export class MonitoringSinkStack extends AccountStack {
  public readonly sink: ObservabilitySink;

  constructor(scope: Construct, name: string, props: MonitoringSinkStackProps) {
    const account = props.org.monitoringAccount;
    if (!account) throw new Error(`org "${props.org.name}" has no monitoring account; build no MonitoringSinkStack for it`);
    super(scope, name, { ...props, account, environment: SHARED_ENVIRONMENT });
    this.sink = new ObservabilitySink(this, "sink", { name: `${props.org.name}-${this.region}`, organizationId: props.org.organizationId });
    writeOutputs(this, MONITORING_SINK_OUTPUTS, { sinkArn: this.sink.sink.arn });
  }

  /** The sink's ARN, read by `consumer` through remote state. */
  public sinkArnFor(consumer: AccountStack): string {
    return readOutputs(MONITORING_SINK_OUTPUTS, consumer.remoteStateOf(this)).sinkArn;
  }
}
