import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { StateBucket } from "../modules/state/state-bucket";
import { AccountStack, type AccountStackProps } from "./account-stack";

export type BootstrapStackProps = Omit<AccountStackProps, "environment" | "region">;

/**
 * Creates one account's state bucket. Its own state starts local (the bucket cannot hold the
 * state of its own creation) and moves into the bucket with `terraform init -migrate-state`.
 */
export class BootstrapStack extends AccountStack {
  public readonly stateBucket: StateBucket;

  constructor(scope: Construct, name: string, props: BootstrapStackProps) {
    super(scope, name, { ...props, environment: "global", region: props.org.stateRegion });
    this.stateBucket = new StateBucket(this, "state", { bucketName: this.stateLocation.bucket });
    new TerraformOutput(this, "state_bucket", { value: this.stateBucket.bucket.bucket, description: "Bucket holding every stack state of this account" });
    new TerraformOutput(this, "state_key_arn", { value: this.stateBucket.encryptionKey.arn, description: "KMS key encrypting the state objects" });
  }
}
