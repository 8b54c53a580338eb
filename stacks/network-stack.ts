import type { DataTerraformRemoteStateS3 } from "cdktf";
import type { Construct } from "constructs";
import type { EnvironmentModel, VpcModel } from "../planning/model";
import { SUBNET_TIERS, type SubnetTier } from "../planning/names";
import { FlowLogs } from "../modules/network/flow-logs";
import { InternetEgress } from "../modules/network/internet-egress";
import { ResourceShare } from "../modules/network/resource-share";
import { domainOf, sameDomainPeerCidrs, transitDestinations } from "../planning/routing-plan";
import { sharePrincipalsOf } from "../modules/network/share-principals";
import { SharedSubnets } from "../modules/network/shared-subnets";
import { SharedVpc } from "../modules/network/shared-vpc";
import { SubnetMoveGuard } from "../modules/network/subnet-move-guard";
import { TierNetworkAcls } from "../modules/network/tier-network-acls";
import { TierRouteTables } from "../modules/network/tier-route-tables";
import { TransitAttachment } from "../modules/network/transit-attachment";
import { VpcEndpoints } from "../modules/network/vpc-endpoints";
import { flowLogArchiveDestination } from "../modules/observability/flow-log-archive-location";
import { AccountStack, type AccountStackProps } from "./account-stack";
import type { LogArchiveStack } from "./log-archive-stack";
import { logGroupKeyOf } from "./log-group-key-of";
import type { TransitStack } from "./transit-stack";
import { NETWORK_OUTPUTS } from "./output-contracts";
import { readOutputs, writeOutputs } from "./stack-outputs";

export interface NetworkStackProps extends Omit<AccountStackProps, "region" | "account" | "environment"> {
  /** The environment the VPC belongs to (routing domain, NAT, endpoints, sharing). */
  readonly environmentModel: EnvironmentModel;
  /** The environment's VPC in this stack's region, subnets already carved. */
  readonly vpcModel: VpcModel;
  /** The region's transit stack: the VPC attaches to its gateway. */
  readonly transit: TransitStack;
  /**
   * The region's log-archive stack, whose bucket receives a copy of the flow logs (by derived name, not by state).
   * @default no archive copy
   */
  readonly logArchive?: LogArchiveStack;
}

/** What consumers in workload accounts read from a network stack's state. */
export interface NetworkOutputs {
  readonly vpcId: string;
  readonly vpcCidr: string;
  /** Subnet id of `tier` in `azId`; consumers select shared subnets by id, never by tag. */
  subnetId(tier: SubnetTier, azId: string): string;
}

/** What the environment's alarms and dashboard read: the ids of the NAT gateways and the Transit Gateway attachment. */
export interface NetworkMonitoredOutputs {
  natGatewayId(azId: string): string;
  readonly transitGatewayId: string;
  readonly transitGatewayAttachmentId: string;
}

/** A producer of those ids: the network stack of an environment × region (or, in tests, a stand-in with the same outputs). */
export interface MonitoredNetworkSource {
  readonly region: string;
  /** AZ IDs that have their own NAT gateway. */
  readonly natAzIds: readonly string[];
  monitoredOutputsFor(consumer: AccountStack): NetworkMonitoredOutputs;
}

/**
 * The shared VPC of one environment in one region, owned by the network account: four tiers of
 * subnets placed by AZ ID, internet and NAT egress, NACLs and endpoints, flow logs, the RAM share
 * to the environment's workload accounts, and the attachment to the region's Transit Gateway.
 */
export class NetworkStack extends AccountStack implements MonitoredNetworkSource {
  public readonly sharedVpc: SharedVpc;
  public readonly subnets: Readonly<Record<SubnetTier, SharedSubnets>>;
  public readonly vpcModel: VpcModel;
  public readonly routeTables: TierRouteTables;
  public readonly endpoints: VpcEndpoints;
  public readonly flowLogs: FlowLogs;
  public readonly share: ResourceShare;
  public readonly transitAttachment: TransitAttachment;
  /** AZ IDs that have a NAT gateway (all of them, or the first with `natGateways: single`). */
  public readonly natAzIds: readonly string[];

  constructor(scope: Construct, name: string, props: NetworkStackProps) {
    const env = props.environmentModel;
    super(scope, name, { ...props, environment: env.name, account: props.org.networkAccount, region: props.vpcModel.region.name });
    const { org, vpcModel } = props;
    this.vpcModel = vpcModel;
    const namePrefix = `${env.name}-${this.region}`;
    this.sharedVpc = new SharedVpc(this, "vpc", { cidr: vpcModel.cidr, name: namePrefix, ipv6: env.ipv6 });
    const vpc = this.sharedVpc.vpc;
    const moveGuard = new SubnetMoveGuard(this, "subnet-move-guard", {
      configPath: `environments.${env.name}.regions.${this.region}`,
      planned: vpcModel.subnets,
      pinned: vpcModel.pinnedAzIds,
      subnetIdsOutput: NETWORK_OUTPUTS.subnetId.name,
      ownState: { location: this.stateLocation, roleName: this.roleName, target: this.target },
      stateBucketProvider: this.providerIn(org.stateRegion),
    });
    vpc.lifecycle = { ...vpc.lifecycle, precondition: moveGuard.preconditions };
    this.subnets = Object.fromEntries(
      SUBNET_TIERS.map((tier) => [
        tier,
        new SharedSubnets(this, `subnets-${tier}`, {
          vpc,
          tier,
          namePrefix,
          cidrByAzId: vpcModel.subnets[tier],
          ipv6NetnumByAzId: env.ipv6 ? vpcModel.ipv6Netnums[tier] : undefined,
        }),
      ]),
    ) as Record<SubnetTier, SharedSubnets>;
    const byTier = Object.fromEntries(SUBNET_TIERS.map((t) => [t, this.subnets[t].byAzId])) as Record<SubnetTier, SharedSubnets["byAzId"]>;

    const egress = new InternetEgress(this, "egress", { vpc, publicSubnets: byTier.public, natGateways: env.natGateways, ipv6: env.ipv6, namePrefix });
    // With a single NAT gateway every AZ ID maps to the same one: keep the AZ ID it lives in.
    this.natAzIds = Object.entries(egress.natByAzId)
      .filter(([, nat], i, all) => all.findIndex(([, other]) => other === nat) === i)
      .map(([azId]) => azId);
    this.routeTables = new TierRouteTables(this, "route-tables", { vpc, subnets: byTier, egress, namePrefix });
    new TierNetworkAcls(this, "nacls", {
      vpc,
      subnets: byTier,
      subnetCidrs: vpcModel.subnets,
      vpcCidr: vpcModel.cidr,
      peerCidrs: sameDomainPeerCidrs(org, vpcModel),
      vpcIpv6Cidr: this.sharedVpc.ipv6Cidr,
      namePrefix,
    });
    this.endpoints = new VpcEndpoints(this, "endpoints", {
      vpc,
      region: this.region,
      gatewayRouteTables: this.routeTables.privateTables,
      interfaceSubnets: this.subnets.private.all,
      interfaceServices: env.interfaceEndpoints,
      vpcCidr: vpcModel.cidr,
      vpcIpv6Cidr: this.sharedVpc.ipv6Cidr,
      namePrefix,
    });
    const archive = props.logArchive;
    // Ordered after the archive stack (the bucket policy must stand before delivery starts); its state is never read.
    if (archive) this.addDependency(archive);
    this.flowLogs = new FlowLogs(this, "flow-logs", {
      vpc,
      accountId: this.account.id,
      region: this.region,
      retentionDays: env.logRetention,
      key: logGroupKeyOf(this).key,
      archiveDestination: archive && flowLogArchiveDestination(org.name, archive.account.id, this.region, env.name),
      name: namePrefix,
    });

    // Participants create their resources in these subnets; they never see the owner's tags.
    this.share = new ResourceShare(this, "share", {
      name: `${namePrefix}-subnets`,
      resources: Object.fromEntries(env.sharedTiers.flatMap((tier) => Object.entries(byTier[tier]).map(([azId, s]) => [`${tier}-${azId}`, s]))),
      principals: sharePrincipalsOf(org, env),
    });

    this.transitAttachment = new TransitAttachment(this, "transit", {
      vpc,
      subnets: this.subnets.transit.all,
      transitGateway: props.transit.outputsFor(this),
      domain: domainOf(org, vpcModel),
      routeTables: Object.fromEntries(Object.entries(this.routeTables.privateByAzId).map(([azId, rt]) => [`private-${azId}`, rt])),
      destinations: transitDestinations(org),
      ipv6: env.ipv6,
      name: namePrefix,
    });

    writeOutputs(this, NETWORK_OUTPUTS, {
      vpcId: vpc.id,
      vpcCidr: vpc.cidrBlock,
      vpcIpv6Cidr: env.ipv6 ? vpc.ipv6CidrBlock : undefined,
      natGatewayId: Object.fromEntries(this.natAzIds.map((azId) => [azId, egress.natByAzId[azId].id])),
      transitGatewayId: props.transit.outputsFor(this).transitGatewayId,
      transitGatewayAttachmentId: this.transitAttachment.attachment.id,
      subnetId: Object.fromEntries(
        SUBNET_TIERS.map((tier) => [tier, Object.fromEntries(Object.entries(this.subnets[tier].byAzId).map(([azId, s]) => [azId, s.id]))]),
      ),
    });
  }

  /** Typed access to this stack's outputs from `consumer`, through remote state. */
  public outputsFor(consumer: AccountStack): NetworkOutputs {
    return networkOutputsOf(consumer.remoteStateOf(this));
  }

  /** The ids alarms and dashboards watch, read by `consumer` through remote state. */
  public monitoredOutputsFor(consumer: AccountStack): NetworkMonitoredOutputs {
    const outputs = readOutputs(NETWORK_OUTPUTS, consumer.remoteStateOf(this));
    return {
      natGatewayId: (azId) => outputs.natGatewayId(azId),
      transitGatewayId: outputs.transitGatewayId,
      transitGatewayAttachmentId: outputs.transitGatewayAttachmentId,
    };
  }
}

/** Network outputs as read from a network stack's state (or any stack with the same outputs). */
export function networkOutputsOf(state: DataTerraformRemoteStateS3): NetworkOutputs {
  return readOutputs(NETWORK_OUTPUTS, state);
}
