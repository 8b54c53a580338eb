import { EfsFileSystem } from "@cdktf/provider-aws/lib/efs-file-system";
import { EfsMountTarget } from "@cdktf/provider-aws/lib/efs-mount-target";
import type { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";

/** NFS, the only port EFS mount targets serve. */
export const NFS_PORT = 2049;

export interface EfsStorageProps {
  /** Name of the file system and its security group, e.g. "dev-us-east-1-efs". */
  readonly name: string;
  /** The shared VPC the mount targets live in. */
  readonly vpcId: string;
  /** Shared private subnet per AZ ID: one mount target in each. */
  readonly subnetIdsByAzId: Readonly<Record<string, string>>;
  /** The only security group allowed to mount (the worker nodes'). */
  readonly clientSecurityGroupId: string;
  readonly key: KmsKey;
}

/**
 * An encrypted EFS file system for ReadWriteMany volumes: one mount target per AZ ID (a mount
 * target follows its subnet, so zones match across accounts), reachable on NFS from the
 * nodes' security group only. It holds data, so it refuses destroy.
 */
export class EfsStorage extends Construct {
  public readonly fileSystem: EfsFileSystem;
  public readonly securityGroup: SecurityGroup;
  /** Mount target per AZ ID. */
  public readonly mountTargets: Readonly<Record<string, EfsMountTarget>>;

  constructor(scope: Construct, id: string, props: EfsStorageProps) {
    super(scope, id);
    this.fileSystem = new EfsFileSystem(this, "file-system", {
      creationToken: props.name,
      encrypted: true,
      kmsKeyId: props.key.arn,
      performanceMode: "generalPurpose",
      throughputMode: "elastic",
      lifecyclePolicy: [{ transitionToIa: "AFTER_30_DAYS" }],
      tags: { Name: props.name },
      lifecycle: { preventDestroy: true },
    });
    this.securityGroup = new SecurityGroup(this, "security-group", {
      name: props.name,
      description: `NFS to ${props.name} from the worker nodes only`,
      vpcId: props.vpcId,
      tags: { Name: props.name },
    });
    new VpcSecurityGroupIngressRule(this, "nfs-from-nodes", {
      securityGroupId: this.securityGroup.id,
      referencedSecurityGroupId: props.clientSecurityGroupId,
      ipProtocol: "tcp",
      fromPort: NFS_PORT,
      toPort: NFS_PORT,
      description: "NFS from the worker nodes",
    });
    this.mountTargets = Object.fromEntries(
      Object.entries(props.subnetIdsByAzId).map(([azId, subnetId]) => [
        azId,
        new EfsMountTarget(this, `mount-${azId}`, { fileSystemId: this.fileSystem.id, subnetId, securityGroups: [this.securityGroup.id] }),
      ]),
    );
  }
}
