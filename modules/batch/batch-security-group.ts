import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { Construct } from "constructs";

/** The security group of a Batch deployment's instances. */
export interface BatchSecurityGroupProps {
  /** The shared VPC (owned by the network account; participants may create groups in it). */
  readonly vpcId: string;
  /** CIDR of that VPC: the instances may reach anything inside it. */
  readonly vpcCidr: string;
  /** Name of the group, e.g. "dev-us-east-1-batch". */
  readonly name: string;
}

/**
 * No ingress at all: Batch instances are only ever called back through the ECS agent's own
 * outbound connection. Egress: HTTPS anywhere (AWS APIs, image registries) and the VPC itself.
 */
export class BatchSecurityGroup extends Construct {
  public readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: BatchSecurityGroupProps) {
    super(scope, id);
    this.securityGroup = new SecurityGroup(this, "group", {
      name: props.name,
      description: `Batch instances of ${props.name}: no ingress`,
      vpcId: props.vpcId,
      tags: { Name: props.name },
    });
    new VpcSecurityGroupEgressRule(this, "https", {
      securityGroupId: this.securityGroup.id,
      description: "HTTPS to AWS APIs and image registries",
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      cidrIpv4: "0.0.0.0/0",
    });
    new VpcSecurityGroupEgressRule(this, "vpc", {
      securityGroupId: this.securityGroup.id,
      description: "Anything inside the VPC",
      ipProtocol: "-1",
      cidrIpv4: props.vpcCidr,
    });
  }
}
