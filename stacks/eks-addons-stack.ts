import type { Construct } from "constructs";
import type { EksModel, EnvironmentModel } from "../environments/model";
import { EfsCsiRelease } from "../modules/eks/efs-csi-release";
import { KarpenterRelease } from "../modules/eks/karpenter-release";
import { ClusterConnection } from "../modules/kubernetes/cluster-connection";
import { AccountStack, type AccountStackProps } from "./account-stack";
import type { EksClusterStack } from "./eks-cluster-stack";

export interface EksAddonsStackProps extends Omit<AccountStackProps, "region" | "account" | "environment"> {
  readonly environmentModel: EnvironmentModel;
  readonly eks: EksModel;
  /** The cluster this stack installs into; same account and region. */
  readonly cluster: EksClusterStack;
}

/**
 * What runs inside one cluster, installed with Helm and the Kubernetes provider: Karpenter with
 * its EC2NodeClass and NodePools, the EFS CSI driver with the efs-sc StorageClass. Apart from the
 * cluster stack on purpose: the Helm and Kubernetes providers need the cluster's endpoint and CA
 * at plan time, which only an already-applied cluster stack can give.
 */
export class EksAddonsStack extends AccountStack {
  public readonly connection: ClusterConnection;
  public readonly karpenter: KarpenterRelease;
  public readonly efsCsi: EfsCsiRelease;

  constructor(scope: Construct, name: string, props: EksAddonsStackProps) {
    const { cluster, eks } = props;
    super(scope, name, { ...props, environment: props.environmentModel.name, account: cluster.account, region: cluster.region });
    const outputs = cluster.outputsFor(this);
    this.connection = new ClusterConnection(this, "cluster", {
      clusterName: cluster.clusterName,
      endpoint: outputs.endpoint,
      certificateAuthority: outputs.certificateAuthority,
    });
    const providers = { helm: this.connection.helm, kubernetes: this.connection.kubernetes };
    this.karpenter = new KarpenterRelease(this, "karpenter", {
      ...providers,
      clusterName: cluster.clusterName,
      interruptionQueue: outputs.karpenterInterruptionQueue,
      controllerRoleArn: outputs.karpenterControllerRoleArn,
      nodeInstanceProfile: outputs.karpenterNodeInstanceProfile,
      subnetIds: cluster.azIds.map((azId) => outputs.subnetId(azId)),
      nodeSecurityGroupId: outputs.nodeSecurityGroupId,
      azIds: cluster.azIds,
      amiAlias: eks.amiAlias,
      nodePools: eks.nodePools,
    });
    this.efsCsi = new EfsCsiRelease(this, "efs-csi", {
      ...providers,
      controllerRoleArn: outputs.efsCsiRoleArn,
      fileSystemId: outputs.efsFileSystemId,
    });
  }
}
