import type { Construct } from "constructs";
import type { EksModel } from "../planning/model";
import { EfsCsiRelease } from "../modules/eks/efs-csi-release";
import { KARPENTER_CRDS_ADDRESS } from "../modules/eks/karpenter-crds";
import { KarpenterRelease } from "../modules/eks/karpenter-release";
import { ClusterWorkloadStack, type ClusterWorkloadStackProps } from "./cluster-workload-stack";
import type { EksCrdsStack } from "./eks-crds-stack";

export interface EksAddonsStackProps extends ClusterWorkloadStackProps {
  readonly eks: EksModel;
  /** The stack that installs the CRDs this one's objects are kinds of; applied first. */
  readonly crds: EksCrdsStack;
}

/**
 * What runs inside one cluster, installed with Helm and the Kubernetes provider: Karpenter with
 * its EC2NodeClass and NodePools, the EFS CSI driver with the efs-sc StorageClass. Apart from the
 * cluster stack on purpose: the Helm and Kubernetes providers need the cluster's endpoint and CA
 * at plan time, which only an already-applied cluster stack can give; and after the CRD stack,
 * whose CRDs its NodePools and EC2NodeClass need at plan time.
 */
export class EksAddonsStack extends ClusterWorkloadStack {
  public readonly karpenter: KarpenterRelease;
  public readonly efsCsi: EfsCsiRelease;

  constructor(scope: Construct, name: string, props: EksAddonsStackProps) {
    super(scope, name, props);
    const { cluster, eks } = props;
    this.addDependency(props.crds);
    // The CRD release moved to the CRD stack: forget it here without uninstalling (that would delete every NodePool and its nodes).
    this.addOverride("removed", [{ from: KARPENTER_CRDS_ADDRESS, lifecycle: { destroy: false } }]);
    const outputs = this.clusterOutputs;
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
      instanceTypes: eks.instanceTypes,
    });
    this.efsCsi = new EfsCsiRelease(this, "efs-csi", {
      ...providers,
      controllerRoleArn: outputs.efsCsiRoleArn,
      fileSystemId: outputs.efsFileSystemId,
    });
  }
}
