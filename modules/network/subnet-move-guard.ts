import { DataAwsSubnet } from "@cdktf/provider-aws/lib/data-aws-subnet";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformLocal, type Precondition } from "cdktf";
import { Construct } from "constructs";
import type { StateAccessProps } from "../state/backend";
import { PreviousOutputs } from "../state/previous-outputs";

/** What stops a config change from re-addressing subnets that already exist. */
export interface SubnetMoveGuardProps {
  /** Where the VPC sits in the org file, for the messages, e.g. "environments.dev.regions.us-east-1". */
  readonly configPath: string;
  /** Subnet CIDR this plan gives each tier and AZ ID. */
  readonly planned: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** AZ IDs whose subnet CIDR the org file pins, per tier: a move there is deliberate. */
  readonly pinned: Readonly<Record<string, readonly string[]>>;
  /** Name of the stack output that maps tier → AZ ID → subnet id. */
  readonly subnetIdsOutput: string;
  readonly ownState: StateAccessProps;
  readonly stateBucketProvider: AwsProvider;
}

/**
 * Refuses at plan a subnet whose CIDR would change without a pin: replacing a subnet fails while
 * ENIs sit in it, or takes down what runs there. The subnets the last apply made are found
 * through the stack's own `subnet_ids` output (which every release has written) and read live,
 * so a deployment whose CIDRs an older release chose is protected on its first plan after an upgrade.
 */
export class SubnetMoveGuard extends Construct {
  public readonly preconditions: Precondition[];

  constructor(scope: Construct, id: string, props: SubnetMoveGuardProps) {
    super(scope, id);
    const previous = new PreviousOutputs(this, "state", { ownState: props.ownState, stateBucketProvider: props.stateBucketProvider });
    const deployed = new DataAwsSubnet(this, "deployed", { id: "${each.value}" });
    deployed.addOverride("for_each", `\${${subnetIdsByKey(previous.output(props.subnetIdsOutput, "{}"))}}`);
    // One guard per stack, so the local's name is unique.
    new TerraformLocal(this, "subnets_moved", `\${${movedSubnets(`data.aws_subnet.${deployed.friendlyUniqueId}`, props)}}`).overrideLogicalId("subnets_moved");
    const moved = "local.subnets_moved";
    this.preconditions = [
      {
        condition: `\${length(${moved}) == 0}`,
        errorMessage:
          `Subnet(s) would move to a new CIDR, which replaces them (and fails or takes down whatever runs in them): \${join("; ", ${moved})}. ` +
          `Keep them where they are with the pins shown; a VPC addressed before the stable address plan needs packedAzIds = its AZ IDs of that time (docs/network.md, Addresses). ` +
          `To move a subnet on purpose, pin its new CIDR instead.`,
      },
    ];
  }
}

/** HCL: "tier/azId" → subnet id, from an output shaped tier → AZ ID → id. */
export function subnetIdsByKey(subnetIds: string): string {
  return `{ for pair in flatten([for tier, byAz in ${subnetIds} : [for azId, id in byAz : { key = format("%s/%s", tier, azId), id = id }]]) : pair.key => pair.id }`;
}

/**
 * HCL: one line per deployed subnet whose planned CIDR differs and is not pinned, naming the
 * subnet, old and new CIDR and the pin that keeps it.
 * @param deployed map "tier/azId" → object with `cidr_block`, as the aws_subnet data source reads it
 */
export function movedSubnets(deployed: string, props: Pick<SubnetMoveGuardProps, "configPath" | "planned" | "pinned">): string {
  const planned = JSON.stringify(
    Object.fromEntries(Object.entries(props.planned).flatMap(([tier, byAz]) => Object.entries(byAz).map(([azId, cidr]) => [`${tier}/${azId}`, cidr]))),
  );
  const pinned = JSON.stringify(Object.entries(props.pinned).flatMap(([tier, azIds]) => azIds.map((azId) => `${tier}/${azId}`)));
  return (
    `sort([for key, subnet in ${deployed} : ` +
    `format("%s %s: %s -> %s (pin it: ${props.configPath}.subnets.%s.cidrs.%s = %s)", split("/", key)[0], split("/", key)[1], subnet.cidr_block, ${planned}[key], split("/", key)[0], split("/", key)[1], subnet.cidr_block) ` +
    `if contains(keys(${planned}), key) && !contains(${pinned}, key) && lookup(${planned}, key, subnet.cidr_block) != subnet.cidr_block])`
  );
}
