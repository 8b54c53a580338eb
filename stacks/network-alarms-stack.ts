import type { Construct } from "constructs";
import type { ResourceAlarms } from "../modules/observability/resource-alarms";
import { AccountStack } from "./account-stack";
import { buildAlarms, type AlarmStackProps } from "./alarms-stack";
import type { MonitoredNetworkSource } from "./network-stack";
import { networkResources } from "./watched-resources";

export interface NetworkAlarmsStackProps extends AlarmStackProps {
  /** The environment's network stack in this region: the NAT gateway and attachment ids come from its state. */
  readonly network: MonitoredNetworkSource;
}

/**
 * The environment's alarms in the network account in one region ("<env>-<region>-net-alarms"):
 * its NAT gateways and its VPC's Transit Gateway attachment, with their own encrypted topic.
 */
export class NetworkAlarmsStack extends AccountStack {
  public readonly alarms: ResourceAlarms;

  constructor(scope: Construct, name: string, props: NetworkAlarmsStackProps) {
    const env = props.environmentModel;
    if (!env.observability) throw new Error(`environment "${env.name}" has no observability settings; build no NetworkAlarmsStack for it`);
    super(scope, name, { ...props, account: props.org.networkAccount, environment: env.name, region: props.network.region });
    const resources = networkResources(this.org, this.region, props.network.natAzIds, props.network.monitoredOutputsFor(this));
    this.alarms = buildAlarms(this, env, resources, props.linkTo);
  }
}
