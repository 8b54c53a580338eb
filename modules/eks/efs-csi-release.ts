import type { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { Release } from "@cdktf/provider-helm/lib/release";
import type { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { Construct } from "constructs";
import { ValidatedManifest } from "../kubernetes/validated-manifest";
import { PLATFORM_CHARTS } from "./charts";
import { EFS_CSI_NAMESPACE } from "./efs-csi-role";
import { EFS_CSI_CONTROLLER_LABELS, EFS_CSI_RELEASE, efsCsiValues, type EfsCsiValues } from "./efs-csi-values";
import { efsStorageClass } from "./efs-storage-class";
import { WorkloadAvailability } from "./workload-availability";

export interface EfsCsiReleaseProps {
  readonly helm: HelmProvider;
  readonly kubernetes: KubernetesProvider;
  /** IRSA role of efs-csi-controller-sa. */
  readonly controllerRoleArn: string;
  readonly fileSystemId: string;
}

/**
 * The EFS CSI driver in a cluster: the controller (two replicas on the system nodes, spread, with
 * a validated PodDisruptionBudget), the node agent on every node, and the efs-sc StorageClass.
 */
export class EfsCsiRelease extends Construct {
  public readonly release: Release;
  public readonly values: EfsCsiValues;
  public readonly availability: WorkloadAvailability;
  public readonly storageClass: ValidatedManifest;

  constructor(scope: Construct, id: string, props: EfsCsiReleaseProps) {
    super(scope, id);
    const { efsCsiDriver } = PLATFORM_CHARTS;
    // The budget needs the release's namespace only (kube-system always exists), not its pods.
    this.availability = new WorkloadAvailability(this, "availability", {
      name: "efs-csi-controller",
      namespace: EFS_CSI_NAMESPACE,
      selector: EFS_CSI_CONTROLLER_LABELS,
      provider: props.kubernetes,
    });
    this.values = efsCsiValues({
      controllerRoleArn: props.controllerRoleArn,
      replicas: this.availability.replicas,
      topologySpreadConstraints: this.availability.topologySpreadConstraints,
    });
    this.release = new Release(this, "driver", {
      provider: props.helm,
      name: EFS_CSI_RELEASE,
      namespace: EFS_CSI_NAMESPACE,
      ...efsCsiDriver,
      atomic: true,
      cleanupOnFail: true,
      values: [JSON.stringify(this.values)],
    });
    this.storageClass = new ValidatedManifest(this, "storage-class", {
      object: efsStorageClass({ fileSystemId: props.fileSystemId }),
      provider: props.kubernetes,
      dependsOn: [this.release],
    });
  }
}
