import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";

export interface ClusterSecurityGroupsProps {
  /** Prefix of both groups' names, e.g. "dev-us-east-1" gives "dev-us-east-1-cluster" and "-nodes". */
  readonly namePrefix: string;
  /** The shared VPC (owned by the network account; participants may create groups in it). */
  readonly vpcId: string;
}

/**
 * The control plane's and the worker nodes' security groups, each admitting only the other (and
 * nodes each other): nodes reach the API on 443; the control plane reaches kubelets (10250),
 * webhooks (443) and extension API servers (1025-65535). Nothing outside the cluster comes in;
 * nodes may leave for image registries and AWS APIs.
 */
export class ClusterSecurityGroups extends Construct {
  /** Attached to the control plane's ENIs (besides the group EKS creates itself). */
  public readonly cluster: SecurityGroup;
  /** Attached to every worker node: the system node group and Karpenter's nodes. */
  public readonly nodes: SecurityGroup;
  /** The rules nodes need to join; a node group must wait for them. */
  public readonly joinRules: readonly (VpcSecurityGroupIngressRule | VpcSecurityGroupEgressRule)[];

  constructor(scope: Construct, id: string, props: ClusterSecurityGroupsProps) {
    super(scope, id);
    const group = (key: string, what: string): SecurityGroup =>
      new SecurityGroup(this, key, {
        name: `${props.namePrefix}-${key}`,
        description: `${what} of EKS ${props.namePrefix}`,
        vpcId: props.vpcId,
        tags: { Name: `${props.namePrefix}-${key}` },
      });
    this.cluster = group("cluster", "Control plane");
    this.nodes = group("nodes", "Worker nodes");
    const [cluster, nodes] = [this.cluster.id, this.nodes.id];
    const tcp = (from: number, to: number) => ({ ipProtocol: "tcp", fromPort: from, toPort: to });
    const ingress = (key: string, groupId: string, source: string, port: object, description: string) =>
      new VpcSecurityGroupIngressRule(this, key, { securityGroupId: groupId, referencedSecurityGroupId: source, ipProtocol: "-1", ...port, description });
    const egress = (key: string, groupId: string, destination: { referencedSecurityGroupId?: string; cidrIpv4?: string }, port: object, description: string) =>
      new VpcSecurityGroupEgressRule(this, key, { securityGroupId: groupId, ipProtocol: "-1", ...destination, ...port, description });
    this.joinRules = [
      ingress("api-from-nodes", cluster, nodes, tcp(443, 443), "Worker nodes to the Kubernetes API"),
      egress("control-plane-to-webhooks", cluster, { referencedSecurityGroupId: nodes }, tcp(443, 443), "Control plane to admission webhooks"),
      egress(
        "control-plane-to-kubelets",
        cluster,
        { referencedSecurityGroupId: nodes },
        tcp(1025, 65535),
        "Control plane to kubelets (10250) and extension API servers",
      ),
      ingress("nodes-from-nodes", nodes, nodes, {}, "Pods and node agents across nodes"),
      ingress("webhooks-from-control-plane", nodes, cluster, tcp(443, 443), "Control plane to admission webhooks"),
      ingress("kubelets-from-control-plane", nodes, cluster, tcp(1025, 65535), "Control plane to kubelets (10250) and extension API servers"),
      egress("nodes-out", nodes, { cidrIpv4: "0.0.0.0/0" }, {}, "Image registries and AWS APIs (through NAT or VPC endpoints)"),
    ];
  }
}
