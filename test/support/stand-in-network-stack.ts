import type { Construct } from "constructs";
import type { VpcModel } from "../../planning/model";
import { SharedSubnets } from "../../modules/network/shared-subnets";
import { SharedVpc } from "../../modules/network/shared-vpc";
import { AccountStack, type AccountStackProps } from "../../stacks/account-stack";
import { networkOutputsOf, type NetworkOutputs } from "../../stacks/network-stack";
import { NETWORK_OUTPUTS } from "../../stacks/output-contracts";
import { writeOutputs } from "../../stacks/stack-outputs";

/**
 * The environment's VPC and private subnets, built by the product's own constructs but in the
 * workload account: moto has no RAM sharing, so a workload account there cannot see the network
 * account's subnets (test/e2e/moto-gaps.ts). Only the e2e tests of workload stacks use it.
 */
export class StandInNetworkStack extends AccountStack {
  constructor(scope: Construct, name: string, props: AccountStackProps & { vpcModel: VpcModel }) {
    super(scope, name, props);
    const shared = new SharedVpc(this, "vpc", { cidr: props.vpcModel.cidr, name });
    const subnets = new SharedSubnets(this, "private", { vpc: shared.vpc, tier: "private", namePrefix: name, cidrByAzId: props.vpcModel.subnets.private });
    writeOutputs(this, NETWORK_OUTPUTS, {
      vpcId: shared.vpc.id,
      vpcCidr: shared.vpc.cidrBlock,
      vpcIpv6Cidr: undefined,
      natGatewayId: undefined,
      transitGatewayId: undefined,
      transitGatewayAttachmentId: undefined,
      subnetId: { private: Object.fromEntries(Object.entries(subnets.byAzId).map(([az, s]) => [az, s.id])) },
    });
  }

  public outputsFor(consumer: AccountStack): NetworkOutputs {
    return networkOutputsOf(consumer.remoteStateOf(this));
  }
}
