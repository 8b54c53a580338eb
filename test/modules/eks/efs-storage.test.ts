import { EfsStorage, NFS_PORT } from "../../../modules/eks/efs-storage";
import { resourcesOf } from "../../support/synth";
import { onlyResource, SUBNETS_BY_AZ_ID, synthWith, testClusterKeyProps } from "./eks-fixture";
import { ClusterKey } from "../../../modules/eks/cluster-key";

describe("EfsStorage", () => {
  const json = synthWith((scope) => {
    const key = new ClusterKey(scope, "key", testClusterKeyProps("c"));
    new EfsStorage(scope, "efs", { name: "c-efs", vpcId: "vpc-0shared", subnetIdsByAzId: SUBNETS_BY_AZ_ID, clientSecurityGroupId: "sg-0nodes", key: key.key });
  });

  it("puts exactly one mount target in the shared subnet of each AZ ID", () => {
    const targets = resourcesOf(json, "aws_efs_mount_target");
    expect(targets.map((t) => t.subnet_id).sort()).toEqual(Object.values(SUBNETS_BY_AZ_ID).sort());
    expect(
      Object.keys(json.resource!.aws_efs_mount_target)
        .map((k) => k.match(/mount-(use1-az\d)/)![1])
        .sort(),
    ).toEqual(Object.keys(SUBNETS_BY_AZ_ID).sort());
  });

  it("encrypts the file system with the cluster key and refuses destroy", () => {
    expect(onlyResource(json, "aws_efs_file_system")).toMatchObject({
      encrypted: true,
      kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\..*\.arn\}$/),
      lifecycle: { prevent_destroy: true },
    });
  });

  it("admits NFS from the node security group only", () => {
    const rules = resourcesOf(json, "aws_vpc_security_group_ingress_rule");
    expect(rules).toEqual([expect.objectContaining({ referenced_security_group_id: "sg-0nodes", ip_protocol: "tcp", from_port: NFS_PORT, to_port: NFS_PORT })]);
    expect(rules[0]).not.toHaveProperty("cidr_ipv4");
    for (const target of resourcesOf(json, "aws_efs_mount_target"))
      expect(target.security_groups).toEqual([expect.stringMatching(/aws_security_group\.efs_security-group_.*\.id/)]);
  });
});
