import type { Construct } from "constructs";
import type { EksModel, EnvironmentModel, VpcModel } from "../planning/model";
import { accountRoleArn } from "../modules/aws/account-role";
import { clusterRoleName, EksCluster } from "../modules/eks/cluster";
import { ClusterAccess } from "../modules/eks/cluster-access";
import { PLAN_READER_GROUP } from "../modules/eks/plan-reader-rbac";
import { purposeRoleArns } from "../modules/access/account-access";
import { ClusterKey } from "../modules/eks/cluster-key";
import { ClusterSecurityGroups } from "../modules/eks/cluster-security-groups";
import { EfsCsiRole } from "../modules/eks/efs-csi-role";
import { EfsStorage } from "../modules/eks/efs-storage";
import { KarpenterAws } from "../modules/eks/karpenter-aws";
import { ManagedAddon } from "../modules/eks/managed-addon";
import { NodeNetworkingAddons } from "../modules/eks/node-networking-addons";
import { SpotServiceLinkedRole } from "../modules/eks/spot-service-linked-role";
import { SystemNodeGroup } from "../modules/eks/system-node-group";
import { AccountStack, type AccountStackProps } from "./account-stack";
import { roleNamesOf } from "./account-access-plan";
import { logGroupKeyOf } from "./log-group-key-of";
import type { NetworkOutputs } from "./network-stack";
import { EKS_CLUSTER_OUTPUTS } from "./output-contracts";
import { readOutputs, writeOutputs } from "./stack-outputs";

export interface EksClusterStackProps extends Omit<AccountStackProps, "region" | "account" | "environment"> {
  readonly environmentModel: EnvironmentModel;
  /** The environment's EKS settings. */
  readonly eks: EksModel;
  /** The environment's VPC in the cluster's region (AZ IDs of the shared private subnets). */
  readonly vpcModel: VpcModel;
  /** The network stack of the same environment and region: subnet ids by AZ ID, VPC id (through remote state, never by tag). */
  readonly network: { outputsFor(consumer: AccountStack): NetworkOutputs };
  /**
   * This stack makes the account's Spot service-linked role (one per account: the account's first cluster stack).
   * @default false
   */
  readonly ownsSpotServiceLinkedRole?: boolean;
}

/** What the add-ons stack reads from a cluster stack's state. */
export interface EksClusterOutputs {
  readonly clusterName: string;
  readonly endpoint: string;
  /** Base64 PEM of the cluster CA, as EKS returns it. */
  readonly certificateAuthority: string;
  readonly nodeSecurityGroupId: string;
  /** Shared private subnet of `azId`. */
  subnetId(azId: string): string;
  readonly karpenterControllerRoleArn: string;
  readonly karpenterNodeInstanceProfile: string;
  readonly karpenterInterruptionQueue: string;
  readonly efsCsiRoleArn: string;
  readonly efsFileSystemId: string;
}

/** "<env>-<region>", the cluster's name and the prefix of everything the stack names. */
export function clusterNameOf(environment: string, region: string): string {
  return `${environment}-${region}`;
}

/**
 * One EKS cluster in the environment's (first) workload account, on the subnets the network
 * account shares, chosen by AZ ID: control plane, system node group, node security group,
 * EFS with a mount target per AZ ID, and every IAM role the add-ons stack's charts assume.
 */
export class EksClusterStack extends AccountStack {
  public readonly clusterName: string;
  public readonly cluster: EksCluster;
  public readonly key: ClusterKey;
  public readonly securityGroups: ClusterSecurityGroups;
  public readonly systemNodes: SystemNodeGroup;
  public readonly storage: EfsStorage;
  public readonly karpenter: KarpenterAws;
  public readonly efsCsiRole: EfsCsiRole;
  public readonly access: ClusterAccess;
  public readonly networkingAddons: NodeNetworkingAddons;
  public readonly coreDns: ManagedAddon;
  public readonly spotServiceLinkedRole?: SpotServiceLinkedRole;
  /** AZ IDs of the cluster's subnets, in configured order. */
  public readonly azIds: readonly string[];

  constructor(scope: Construct, name: string, props: EksClusterStackProps) {
    const env = props.environmentModel;
    super(scope, name, { ...props, environment: env.name, account: env.workloadAccounts[0], region: props.vpcModel.region.name });
    const { eks, org } = props;
    this.clusterName = clusterNameOf(env.name, this.region);
    const network = props.network.outputsFor(this);
    this.azIds = Object.keys(props.vpcModel.subnets.private);
    // Participants cannot see the owner's tags on shared subnets: take the ids from the network stack.
    const subnetIdsByAzId = Object.fromEntries(this.azIds.map((azId) => [azId, network.subnetId("private", azId)]));
    const subnetIds = Object.values(subnetIdsByAzId);

    const roles = purposeRoleArns(this.account.id, roleNamesOf(org), this.partition);
    this.key = new ClusterKey(this, "key", {
      clusterName: this.clusterName,
      accountId: this.account.id,
      region: this.region,
      roles: {
        administrators: [roles.deploy, roles.breakGlass],
        deployer: roles.deploy,
        planner: roles.plan,
        controlPlane: accountRoleArn(this.account, clusterRoleName(this.clusterName), this.partition),
      },
    });
    this.securityGroups = new ClusterSecurityGroups(this, "security-groups", { namePrefix: this.clusterName, vpcId: network.vpcId });
    this.cluster = new EksCluster(this, "cluster", {
      name: this.clusterName,
      kubernetesVersion: eks.kubernetesVersion,
      supportType: eks.supportType,
      accountId: this.account.id,
      region: this.region,
      subnetIds,
      securityGroup: this.securityGroups.cluster,
      secretsKey: this.key.key,
      publicAccessCidrs: eks.publicAccessCidrs,
      logRetentionDays: env.logRetention,
      logKey: logGroupKeyOf(this).key,
    });
    this.networkingAddons = new NodeNetworkingAddons(this, "addons", { cluster: this.cluster, kubernetesVersion: eks.kubernetesVersion });
    this.systemNodes = new SystemNodeGroup(this, "system-nodes", {
      cluster: this.cluster,
      subnetIds,
      nodeSecurityGroup: this.securityGroups.nodes,
      instanceTypes: eks.systemNodes.instanceTypes,
      instanceTypeTable: eks.instanceTypes,
      minSize: eks.systemNodes.minSize,
      maxSize: eks.systemNodes.maxSize,
      releaseVersion: eks.systemNodes.releaseVersion,
      // Nodes turn Ready only with the CNI running: EKS no longer installs an unmanaged one.
      dependsOn: [...this.securityGroups.joinRules, ...this.networkingAddons.addons],
    });
    // CoreDNS is a Deployment: it needs nodes to become healthy.
    this.coreDns = new ManagedAddon(this, "coredns", {
      cluster: this.cluster,
      kubernetesVersion: eks.kubernetesVersion,
      addonName: "coredns",
      dependsOn: [this.systemNodes.nodeGroup],
    });
    if (props.ownsSpotServiceLinkedRole) this.spotServiceLinkedRole = new SpotServiceLinkedRole(this, "spot-service-linked-role");
    this.storage = new EfsStorage(this, "efs", {
      name: `${this.clusterName}-efs`,
      vpcId: network.vpcId,
      subnetIdsByAzId,
      clientSecurityGroupId: this.securityGroups.nodes.id,
      key: this.key.key,
    });
    this.karpenter = new KarpenterAws(this, "karpenter", {
      cluster: this.cluster,
      region: this.region,
      accountId: this.account.id,
      subnetOwnerAccountId: org.networkAccount.id,
      subnetIds,
      nodeSecurityGroup: this.securityGroups.nodes,
    });
    this.efsCsiRole = new EfsCsiRole(this, "efs-csi", { cluster: this.cluster });
    this.access = new ClusterAccess(this, "access", {
      cluster: this.cluster,
      // The deploy role installs the add-ons; no one is admin implicitly (bootstrap admin is off).
      administrators: { deployer: roles.deploy, "platform-admin": eks.platformAdminRoleArn },
      nodeRoles: { "karpenter-nodes": this.karpenter.nodeRole.role },
      // Pull-request plans of the Kubernetes stacks read the cluster; the groups' RBAC is in the CRD stack.
      readers: { planner: { principalArn: roles.plan, kubernetesGroups: [PLAN_READER_GROUP] } },
    });

    writeOutputs(this, EKS_CLUSTER_OUTPUTS, {
      clusterName: this.cluster.cluster.name,
      endpoint: this.cluster.cluster.endpoint,
      certificateAuthority: this.cluster.cluster.certificateAuthority.get(0).data,
      nodeSecurityGroupId: this.securityGroups.nodes.id,
      subnetId: subnetIdsByAzId,
      karpenterControllerRoleArn: this.karpenter.controllerRole.role.arn,
      karpenterNodeInstanceProfile: this.karpenter.nodeRole.instanceProfile!.name,
      karpenterInterruptionQueue: this.karpenter.interruptionQueue.queue.name,
      efsCsiRoleArn: this.efsCsiRole.irsa.role.arn,
      efsFileSystemId: this.storage.fileSystem.id,
    });
  }

  /** Typed access to this stack's outputs from `consumer`, through remote state. */
  public outputsFor(consumer: AccountStack): EksClusterOutputs {
    return readOutputs(EKS_CLUSTER_OUTPUTS, consumer.remoteStateOf(this));
  }
}
