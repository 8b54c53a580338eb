import type { Construct } from "constructs";
import type { OrgModel } from "../planning/model";
import { GLOBAL_REGION, SHARED_ENVIRONMENT } from "../planning/reserved-names";
import type { DeploymentTarget } from "../modules/aws/deployment-target";
import { isMeshed } from "../planning/routing-plan";
import type { AccountStack } from "./account-stack";
import { accountAccessPlan } from "./account-access-plan";
import { BatchStack } from "./batch-stack";
import { AlarmsStack } from "./alarms-stack";
import { BootstrapStack } from "./bootstrap-stack";
import { DashboardStack } from "./dashboard-stack";
import { EksAddonsStack } from "./eks-addons-stack";
import { EksClusterStack } from "./eks-cluster-stack";
import { EksCrdsStack } from "./eks-crds-stack";
import { LogArchiveStack, logArchiveAccountOf } from "./log-archive-stack";
import { MonitoringSinkStack } from "./monitoring-sink-stack";
import { NetworkAlarmsStack } from "./network-alarms-stack";
import { NetworkStack } from "./network-stack";
import { bootstrapStackName, environmentStackName } from "./stack-names";
import { TransitPeeringStack } from "./transit-peering-stack";
import { TransitStack } from "./transit-stack";
import { workloadAlarmRegions, workloadResources } from "./watched-resources";

/** Every stack of the organization, by name. */
export interface OrgStacks {
  readonly bootstrap: readonly BootstrapStack[];
  readonly network: readonly NetworkStack[];
  /** One Transit Gateway stack per region of the org ("shared-<region>-transit"). */
  readonly transit: readonly TransitStack[];
  /** The peering mesh between the regions' gateways; undefined for a single-region org. */
  readonly transitPeering?: TransitPeeringStack;
  /** Blue-green Batch per environment × batch region, in the environment's first workload account. */
  readonly batch: readonly BatchStack[];
  /** An EKS cluster per environment × eks region, in the environment's first workload account. */
  readonly eksClusters: readonly EksClusterStack[];
  /** The CRDs each cluster's add-ons need at plan time, one per cluster stack, applied before the add-ons. */
  readonly eksCrds: readonly EksCrdsStack[];
  /** What runs inside each cluster (Helm + Kubernetes providers), one per cluster stack. */
  readonly eksAddons: readonly EksAddonsStack[];
  /** The log-archive account's flow-log bucket per region with a VPC ("shared-<region>-archive"); none without a log-archive account. */
  readonly logArchive: readonly LogArchiveStack[];
  /** The monitoring account's OAM sink per region ("shared-<region>-oam-sink"), when the org configures observability. */
  readonly monitoringSinks: readonly MonitoringSinkStack[];
  /** Alarms per environment × region in its workload account, and in the network account. */
  readonly alarms: readonly AlarmsStack[];
  readonly networkAlarms: readonly NetworkAlarmsStack[];
  /** One dashboard per environment in the monitoring account. */
  readonly dashboards: readonly DashboardStack[];
  readonly all: readonly AccountStack[];
}

/** Where the bootstrap stacks keep local state, relative to their synthesized directory. */
export function bootstrapLocalStatePath(stackName: string): string {
  // cdktf.out/stacks/<name>/ → project root; outside cdktf.out, which every synth replaces.
  return `../../../.bootstrap-state/${stackName}.tfstate`;
}

/**
 * Decides which stacks exist: a bootstrap per account, then per
 * environment × region the concerns that environment runs.
 */
export function buildOrg(scope: Construct, org: OrgModel, target: DeploymentTarget): OrgStacks {
  // Transit Gateways are organization-wide ("shared" environment), one per region; VPCs attach to them.
  const transit = Object.values(org.regions).map(
    (regionModel) => new TransitStack(scope, environmentStackName(SHARED_ENVIRONMENT, regionModel.name, "transit"), { org, target, regionModel }),
  );
  const transitPeering = isMeshed(org)
    ? new TransitPeeringStack(scope, environmentStackName(SHARED_ENVIRONMENT, GLOBAL_REGION, "transit-peering"), { org, target, transits: transit })
    : undefined;
  // Flow logs of every region with a VPC are archived in the log-archive account, when the org has one.
  const archiveAccount = logArchiveAccountOf(org);
  const logArchive = archiveAccount
    ? Object.values(org.regions)
        .filter((regionModel) => org.environments.some((env) => env.vpcs.some((v) => v.region.name === regionModel.name)))
        .map(
          (regionModel) =>
            new LogArchiveStack(scope, environmentStackName(SHARED_ENVIRONMENT, regionModel.name, "archive"), { org, target, regionModel, archiveAccount }),
        )
    : [];
  const network = org.environments.flatMap((env) =>
    env.vpcs.map(
      (vpcModel) =>
        new NetworkStack(scope, environmentStackName(env.name, vpcModel.region.name, "network"), {
          org,
          environmentModel: env,
          target,
          vpcModel,
          transit: transit.find((t) => t.region === vpcModel.region.name)!,
          logArchive: logArchive.find((a) => a.region === vpcModel.region.name),
        }),
    ),
  );
  const batch = org.environments.flatMap((env) =>
    (env.batch?.regions ?? []).map((region) => {
      const vpcModel = env.vpcs.find((v) => v.region.name === region)!;
      return new BatchStack(scope, environmentStackName(env.name, region, "batch"), {
        org,
        environmentModel: env,
        target,
        vpcModel,
        network: network.find((n) => n.environment === env.name && n.region === region)!,
      });
    }),
  );
  // The account's Spot service-linked role is made once, by its first cluster stack (unless it already exists).
  const spotRoleOwners = new Map<string, EksClusterStack>();
  const eksClusters = org.environments.flatMap((env) =>
    (env.eks?.regions ?? []).map((region) => {
      const account = env.workloadAccounts[0].id;
      const owner = spotRoleOwners.get(account);
      const stack = new EksClusterStack(scope, environmentStackName(env.name, region, "eks-cluster"), {
        org,
        environmentModel: env,
        eks: env.eks!,
        target,
        vpcModel: env.vpcs.find((v) => v.region.name === region)!,
        network: network.find((n) => n.environment === env.name && n.region === region)!,
        ownsSpotServiceLinkedRole: !owner && env.eks!.spotServiceLinkedRole === "create",
      });
      if (owner) stack.addDependency(owner);
      else if (stack.spotServiceLinkedRole) spotRoleOwners.set(account, stack);
      return stack;
    }),
  );
  const environmentOf = (cluster: EksClusterStack) => org.environments.find((e) => e.name === cluster.environment)!;
  const eksCrds = eksClusters.map(
    (cluster) =>
      new EksCrdsStack(scope, environmentStackName(cluster.environment, cluster.region, "eks-crds"), {
        org,
        environmentModel: environmentOf(cluster),
        target,
        cluster,
      }),
  );
  const eksAddons = eksClusters.map(
    (cluster, i) =>
      new EksAddonsStack(scope, environmentStackName(cluster.environment, cluster.region, "eks-addons"), {
        org,
        environmentModel: environmentOf(cluster),
        eks: environmentOf(cluster).eks!,
        target,
        cluster,
        crds: eksCrds[i],
      }),
  );
  const { monitoringSinks, alarms, networkAlarms, dashboards } = buildObservability(scope, org, target, network);
  const environmentStacks: AccountStack[] = [
    ...transit,
    ...(transitPeering ? [transitPeering] : []),
    ...logArchive,
    ...network,
    ...batch,
    ...eksClusters,
    ...eksCrds,
    ...eksAddons,
    ...monitoringSinks,
    ...alarms,
    ...networkAlarms,
    ...dashboards,
  ];
  const bootstrap = org.accounts.map((account) => {
    const name = bootstrapStackName(account);
    return new BootstrapStack(scope, name, {
      org,
      account,
      target,
      access: accountAccessPlan(org, account, environmentStacks),
      localStatePath: org.bootstrapBackend === "local" ? bootstrapLocalStatePath(name) : undefined,
    });
  });
  return {
    bootstrap,
    network,
    transit,
    transitPeering,
    batch,
    eksClusters,
    eksCrds,
    eksAddons,
    logArchive,
    monitoringSinks,
    alarms,
    networkAlarms,
    dashboards,
    all: [...bootstrap, ...environmentStacks],
  };
}

/**
 * The monitoring account's sinks, the alarms of every environment and its dashboard. Each account links
 * to the sink once per region, from its first alarm stack there (environments in org order, workload
 * stacks before network ones): the network account is shared, so only one environment's stack links it.
 */
function buildObservability(scope: Construct, org: OrgModel, target: DeploymentTarget, network: readonly NetworkStack[]) {
  if (!org.monitoringAccount || !org.environments.some((e) => e.observability)) return { monitoringSinks: [], alarms: [], networkAlarms: [], dashboards: [] };
  const monitoringSinks = Object.keys(org.regions).map(
    (region) => new MonitoringSinkStack(scope, environmentStackName(SHARED_ENVIRONMENT, region, "oam-sink"), { org, target, region }),
  );
  const linked = new Set<string>();
  const linkOwner = (accountId: string, region: string): MonitoringSinkStack | undefined => {
    const key = `${accountId}/${region}`;
    if (linked.has(key)) return undefined;
    linked.add(key);
    return monitoringSinks.find((s) => s.region === region);
  };
  const observed = org.environments.filter((e) => e.observability);
  const alarms = observed.flatMap((env) =>
    workloadAlarmRegions(org, env).map(
      (region) =>
        new AlarmsStack(scope, environmentStackName(env.name, region, "alarms"), {
          org,
          target,
          region,
          environmentModel: env,
          resources: workloadResources(org, env, region),
          linkTo: linkOwner(env.workloadAccounts[0].id, region),
        }),
    ),
  );
  const networkAlarms = observed.flatMap((env) =>
    network
      .filter((n) => n.environment === env.name)
      .map(
        (n) =>
          new NetworkAlarmsStack(scope, environmentStackName(env.name, n.region, "net-alarms"), {
            org,
            target,
            region: n.region,
            environmentModel: env,
            network: n,
            linkTo: linkOwner(org.networkAccount.id, n.region),
          }),
      ),
  );
  const dashboards = observed.map(
    (env) =>
      new DashboardStack(scope, environmentStackName(env.name, GLOBAL_REGION, "dashboard"), {
        org,
        target,
        environmentModel: env,
        networks: network.filter((n) => n.environment === env.name),
      }),
  );
  return { monitoringSinks, alarms, networkAlarms, dashboards };
}
