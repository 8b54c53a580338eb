import { efsStorageClass } from "../../../modules/eks/efs-storage-class";
import { validateModel } from "../../../modules/kubernetes/schema-validation";

describe("the efs-sc StorageClass", () => {
  const storageClass = efsStorageClass({ fileSystemId: "fs-0abc1234" });

  it("is a valid storage.k8s.io/v1 StorageClass", () => {
    expect(storageClass.toJSON()).toMatchObject({ apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name: "efs-sc" } });
    expect(() => validateModel(storageClass, "StorageClass efs-sc")).not.toThrow();
  });

  it("provisions an access point per volume on the cluster's file system, directories mode 700 under a base path", () => {
    expect(storageClass.provisioner).toBe("efs.csi.aws.com");
    expect(storageClass.parameters).toMatchObject({
      provisioningMode: "efs-ap",
      fileSystemId: "fs-0abc1234",
      directoryPerms: "700",
      basePath: "/dynamic_provisioning",
    });
  });

  it("keeps the access point when a claim is deleted", () => {
    expect(storageClass.reclaimPolicy).toBe("Retain");
  });
});
