import { DataAwsS3Objects } from "@cdktf/provider-aws/lib/data-aws-s3-objects";
import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { DataTerraformRemoteStateS3 } from "cdktf";
import { Construct } from "constructs";
import { s3StateConfig, type StateAccessProps } from "./backend";

/** A stack's own state, read back at plan. */
export interface PreviousOutputsProps {
  /** The stack's own state location and access. */
  readonly ownState: StateAccessProps;
  /** A provider of the stack's account in the state bucket's region, to see whether that state exists yet. */
  readonly stateBucketProvider: AwsProvider;
}

/**
 * The outputs the stack's last apply left in its state: what was deployed, as opposed to what
 * the config now asks for. A stack never applied has no state object (checked with a listing,
 * which unlike a read tolerates absence), and every output reads as its fallback.
 */
export class PreviousOutputs extends Construct {
  private readonly state: DataTerraformRemoteStateS3;

  constructor(scope: Construct, id: string, props: PreviousOutputsProps) {
    super(scope, id);
    const { bucket, key } = props.ownState.location;
    const listing = new DataAwsS3Objects(this, "own-state", { provider: props.stateBucketProvider, bucket, prefix: key });
    this.state = new DataTerraformRemoteStateS3(this, "previous", s3StateConfig(props.ownState));
    // The listing also holds "<key>.tflock" while this very plan runs: only the state object itself counts.
    this.state.addOverride("count", `\${contains(data.aws_s3_objects.${listing.friendlyUniqueId}.keys, ${JSON.stringify(key)}) ? 1 : 0}`);
  }

  /** HCL (no surrounding `${}`) for output `name` of the last apply, or `fallback` (HCL) before the first. */
  public output(name: string, fallback: string): string {
    return `try(data.terraform_remote_state.${this.state.friendlyUniqueId}[0].outputs.${name}, ${fallback})`;
  }
}
