import type { Construct } from "constructs";
import type { EnvironmentModel } from "../planning/model";
import { accountRoleArn } from "../modules/aws/account-role";
import { ClusterConnection } from "../modules/kubernetes/cluster-connection";
import { AccountStack, type AccountStackProps } from "./account-stack";
import type { EksClusterOutputs, EksClusterStack } from "./eks-cluster-stack";

export interface ClusterWorkloadStackProps extends Omit<AccountStackProps, "region" | "account" | "environment"> {
  readonly environmentModel: EnvironmentModel;
  /** The cluster this stack installs into; same account and region. */
  readonly cluster: EksClusterStack;
}

/**
 * A stack that works inside one cluster with Helm and the Kubernetes provider: in the cluster's
 * account and region, applied after the cluster stack, whose state gives it the endpoint and CA.
 */
export class ClusterWorkloadStack extends AccountStack {
  public readonly connection: ClusterConnection;
  /** The cluster stack's outputs, read from its state. */
  public readonly clusterOutputs: EksClusterOutputs;

  constructor(scope: Construct, name: string, props: ClusterWorkloadStackProps) {
    const { cluster } = props;
    super(scope, name, { ...props, environment: props.environmentModel.name, account: cluster.account, region: cluster.region });
    this.clusterOutputs = cluster.outputsFor(this);
    this.connection = new ClusterConnection(this, "cluster", {
      clusterName: cluster.clusterName,
      region: cluster.region,
      endpoint: this.clusterOutputs.endpoint,
      certificateAuthority: this.clusterOutputs.certificateAuthority,
      // The role this stack's AWS provider assumes (the deploy role has the cluster's "deployer" access entry).
      roleArn: this.roleName ? accountRoleArn(cluster.account, this.roleName, this.partition) : undefined,
    });
  }
}
