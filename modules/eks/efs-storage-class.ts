import { models, type IStorageClass, type KubernetesModel } from "../kubernetes/models";

/** The StorageClass name workloads ask for in their PVCs (ReadWriteMany). */
export const EFS_STORAGE_CLASS = "efs-sc";

export interface EfsStorageClassInput {
  /** The cluster's EFS file system. */
  readonly fileSystemId: string;
  /** Directory under which each volume's access point root is created. @default "/dynamic_provisioning" */
  readonly basePath?: string;
}

/**
 * StorageClass efs-sc: dynamic provisioning through EFS access points (`efs-ap`), one directory
 * per volume with mode 700 owned by a per-volume GID. Retain: deleting a claim never deletes
 * the access point behind it.
 */
export function efsStorageClass(input: EfsStorageClassInput): IStorageClass & KubernetesModel {
  const StorageClass = models.StorageClass();
  return new StorageClass({
    metadata: { name: EFS_STORAGE_CLASS },
    provisioner: "efs.csi.aws.com",
    parameters: {
      provisioningMode: "efs-ap",
      fileSystemId: input.fileSystemId,
      directoryPerms: "700",
      basePath: input.basePath ?? "/dynamic_provisioning",
      gidRangeStart: "1000",
      gidRangeEnd: "2000",
    },
    reclaimPolicy: "Retain",
    volumeBindingMode: "Immediate",
  });
}
