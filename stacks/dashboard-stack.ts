import type { Construct } from "constructs";
import type { EnvironmentModel } from "../planning/model";
import { EnvironmentDashboard } from "../modules/observability/environment-dashboard";
import { AccountStack, type AccountStackProps } from "./account-stack";
import type { MonitoredNetworkSource } from "./network-stack";
import { networkResources, workloadAlarmRegions, workloadResources } from "./watched-resources";

export interface DashboardStackProps extends Omit<AccountStackProps, "account" | "environment" | "region"> {
  readonly environmentModel: EnvironmentModel;
  /** The environment's network stacks, one per region: their NAT gateway and attachment ids. */
  readonly networks: readonly MonitoredNetworkSource[];
}

/**
 * The environment's dashboard in the monitoring account ("<env>-global-dashboard"): every signal of
 * its alarms, in every account and region, read through the OAM links. Dashboards are global; the
 * stack's provider is in the state region.
 */
export class DashboardStack extends AccountStack {
  public readonly dashboard: EnvironmentDashboard;

  constructor(scope: Construct, name: string, props: DashboardStackProps) {
    const account = props.org.monitoringAccount;
    if (!account) throw new Error(`org "${props.org.name}" has no monitoring account; build no DashboardStack for it`);
    const env = props.environmentModel;
    super(scope, name, { ...props, account, environment: env.name, region: props.org.stateRegion });
    const resources = [
      ...workloadAlarmRegions(this.org, env).flatMap((region) => workloadResources(this.org, env, region)),
      ...props.networks.flatMap((n) => networkResources(this.org, n.region, n.natAzIds, n.monitoredOutputsFor(this))),
    ];
    this.dashboard = new EnvironmentDashboard(this, "dashboard", { name: `${props.org.name}-${env.name}`, resources });
  }
}
