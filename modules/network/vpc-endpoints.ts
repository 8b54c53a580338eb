import type { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import type { Subnet } from "@cdktf/provider-aws/lib/subnet";
import type { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { VpcEndpoint } from "@cdktf/provider-aws/lib/vpc-endpoint";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";

/** Private paths to AWS services, so private subnets need no NAT for them. */
export interface VpcEndpointsProps {
  readonly vpc: Vpc;
  readonly region: string;
  /** Route tables that get the S3 and DynamoDB gateway endpoints. */
  readonly gatewayRouteTables: readonly RouteTable[];
  /** Subnets (one per AZ ID) that hold the interface endpoints' network interfaces. */
  readonly interfaceSubnets: readonly Subnet[];
  /** Interface endpoint services after "com.amazonaws.<region>.", e.g. ["ecr.api", "sts"]. */
  readonly interfaceServices: readonly string[];
  /** Clients allowed to reach the interface endpoints on 443. */
  readonly vpcCidr: string;
  /**
   * The VPC's IPv6 block, also admitted on 443.
   * @default undefined (IPv4 only)
   */
  readonly vpcIpv6Cidr?: string;
  /** Prefix of Name tags, e.g. "dev-us-east-1". */
  readonly namePrefix: string;
}

/** Gateway endpoints are free and route-table based, so S3 and DynamoDB always get one. */
const GATEWAY_SERVICES = ["s3", "dynamodb"] as const;

export class VpcEndpoints extends Construct {
  public readonly gateway: Readonly<Record<(typeof GATEWAY_SERVICES)[number], VpcEndpoint>>;
  public readonly interfaceByService: Readonly<Record<string, VpcEndpoint>>;
  /** Admits HTTPS from the VPC only; no egress rules (replies need none). */
  public readonly securityGroup: SecurityGroup;

  constructor(scope: Construct, id: string, props: VpcEndpointsProps) {
    super(scope, id);
    const serviceName = (service: string): string => `com.amazonaws.${props.region}.${service}`;
    this.gateway = Object.fromEntries(
      GATEWAY_SERVICES.map((service) => [
        service,
        new VpcEndpoint(this, service, {
          vpcId: props.vpc.id,
          serviceName: serviceName(service),
          vpcEndpointType: "Gateway",
          routeTableIds: props.gatewayRouteTables.map((rt) => rt.id),
          tags: { Name: `${props.namePrefix}-${service}` },
        }),
      ]),
    ) as Record<(typeof GATEWAY_SERVICES)[number], VpcEndpoint>;

    // Terraform removes the default allow-all egress rule of a group it creates.
    this.securityGroup = new SecurityGroup(this, "interface-endpoints", {
      vpcId: props.vpc.id,
      name: `${props.namePrefix}-interface-endpoints`,
      description: "HTTPS from inside the VPC to the interface endpoints",
      tags: { Name: `${props.namePrefix}-interface-endpoints` },
    });
    new VpcSecurityGroupIngressRule(this, "https-from-vpc", {
      securityGroupId: this.securityGroup.id,
      ipProtocol: "tcp",
      fromPort: 443,
      toPort: 443,
      cidrIpv4: props.vpcCidr,
      description: "HTTPS from the VPC",
    });
    if (props.vpcIpv6Cidr) {
      new VpcSecurityGroupIngressRule(this, "https-from-vpc-ipv6", {
        securityGroupId: this.securityGroup.id,
        ipProtocol: "tcp",
        fromPort: 443,
        toPort: 443,
        cidrIpv6: props.vpcIpv6Cidr,
        description: "HTTPS from the VPC (IPv6)",
      });
    }

    this.interfaceByService = Object.fromEntries(
      props.interfaceServices.map((service) => [
        service,
        new VpcEndpoint(this, service.replace(/\./g, "-"), {
          vpcId: props.vpc.id,
          serviceName: serviceName(service),
          vpcEndpointType: "Interface",
          subnetIds: props.interfaceSubnets.map((s) => s.id),
          securityGroupIds: [this.securityGroup.id],
          // Clients keep the public service names; participants of the shared VPC resolve them too.
          privateDnsEnabled: true,
          tags: { Name: `${props.namePrefix}-${service}` },
        }),
      ]),
    );
  }
}
