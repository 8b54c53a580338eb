import type { Construct } from "constructs";
import { AccountAccess, purposeRoleArns } from "../modules/access/account-access";
import { accountRoleArn } from "../modules/aws/account-role";
import { StateBucket } from "../modules/state/state-bucket";
import { stateKeyAliasName } from "../modules/state/state-location";
import { AccountStack, type AccountStackProps } from "./account-stack";
import { BOOTSTRAP_ENVIRONMENT } from "../planning/reserved-names";
import type { AccountAccessPlan } from "./account-access-plan";
import { BOOTSTRAP_OUTPUTS } from "./output-contracts";
import { writeOutputs } from "./stack-outputs";

export interface BootstrapStackProps extends Omit<AccountStackProps, "environment" | "region"> {
  /** Roles, trusts and grants of the account, derived from the org's other stacks. */
  readonly access: AccountAccessPlan;
}

/**
 * Creates one account's state bucket and key and the roles through which everything reaches the
 * account (plan, deploy, state-reader, and the GitHub OIDC provider CI comes in by). Its own state
 * starts local (the bucket cannot hold the state of its own creation) and moves into the bucket with
 * `terraform init -migrate-state`.
 */
export class BootstrapStack extends AccountStack {
  public readonly stateBucket: StateBucket;
  public readonly access: AccountAccess;

  constructor(scope: Construct, name: string, props: BootstrapStackProps) {
    super(scope, name, { ...props, environment: BOOTSTRAP_ENVIRONMENT, region: props.org.stateRegion });
    const plan = props.access;
    this.stateBucket = new StateBucket(this, "state", {
      bucketName: this.stateLocation.bucket,
      accountId: this.account.id,
      region: this.region,
      keyAliasName: stateKeyAliasName(this.org.name),
      roles: {
        ...purposeRoleArns(this.account.id, plan.roleNames, this.partition),
        stateReaders: plan.stateReaders.map((r) => accountRoleArn(this.account, r.roleName, this.partition)),
      },
    });
    this.access = new AccountAccess(this, "access", {
      accountId: this.account.id,
      roleNames: plan.roleNames,
      services: plan.services,
      regions: plan.regions,
      stateBucket: this.stateBucket,
      stateRegion: this.region,
      github: plan.github,
      operators: plan.operators,
      stateReaders: plan.stateReaders,
      producerStateReaderArns: plan.producerStateReaderArns,
    });
    writeOutputs(this, BOOTSTRAP_OUTPUTS, {
      stateBucket: this.stateBucket.bucket.bucket,
      stateKeyArn: this.stateBucket.encryptionKey.arn,
      planRoleArn: this.access.plan.role.arn,
      deployRoleArn: this.access.deploy.role.arn,
      stateReaderRoleArns: Object.fromEntries(Object.entries(this.access.stateReaders).map(([name, reader]) => [name, reader.role.arn])),
    });
  }
}
