import { Fn, TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import type { VpcModel } from "../environments/model";
import { SUBNET_TIERS, type SubnetTier } from "../environments/schema";
import { SharedSubnets } from "../modules/network/shared-subnets";
import { SharedVpc } from "../modules/network/shared-vpc";
import { AccountStack, type AccountStackProps } from "./account-stack";

export interface NetworkStackProps extends Omit<AccountStackProps, "region" | "account"> {
  /** The environment's VPC in this stack's region, subnets already carved. */
  readonly vpcModel: VpcModel;
}

/** What consumers in workload accounts read from a network stack's state. */
export interface NetworkOutputs {
  readonly vpcId: string;
  readonly vpcCidr: string;
  /** Subnet id of `tier` in `azId`; consumers select shared subnets by id, never by tag. */
  subnetId(tier: SubnetTier, azId: string): string;
}

/** The shared VPC of one environment in one region, owned by the network account. */
export class NetworkStack extends AccountStack {
  public readonly sharedVpc: SharedVpc;
  public readonly subnets: Readonly<Record<SubnetTier, SharedSubnets>>;
  public readonly vpcModel: VpcModel;

  constructor(scope: Construct, name: string, props: NetworkStackProps) {
    super(scope, name, { ...props, account: props.org.networkAccount, region: props.vpcModel.region.name });
    this.vpcModel = props.vpcModel;
    const namePrefix = `${props.environment}-${this.region}`;
    this.sharedVpc = new SharedVpc(this, "vpc", { cidr: props.vpcModel.cidr, name: namePrefix });
    this.subnets = Object.fromEntries(
      SUBNET_TIERS.map((tier) => [
        tier,
        new SharedSubnets(this, `subnets-${tier}`, { vpc: this.sharedVpc.vpc, tier, namePrefix, cidrByAzId: props.vpcModel.subnets[tier] }),
      ]),
    ) as Record<SubnetTier, SharedSubnets>;

    new TerraformOutput(this, "vpc_id", { value: this.sharedVpc.vpc.id });
    new TerraformOutput(this, "vpc_cidr", { value: this.sharedVpc.vpc.cidrBlock });
    new TerraformOutput(this, "subnet_ids", {
      description: "Subnet id by tier, then by AZ ID",
      value: Object.fromEntries(
        SUBNET_TIERS.map((tier) => [tier, Object.fromEntries(Object.entries(this.subnets[tier].byAzId).map(([azId, s]) => [azId, s.id]))]),
      ),
    });
  }

  /** Typed access to this stack's outputs from `consumer`, through remote state. */
  public outputsFor(consumer: AccountStack): NetworkOutputs {
    const state = consumer.remoteStateOf(this);
    return {
      vpcId: state.getString("vpc_id"),
      vpcCidr: state.getString("vpc_cidr"),
      subnetId: (tier, azId) => Fn.lookup(Fn.lookup(state.get("subnet_ids"), tier), azId) as string,
    };
  }
}
