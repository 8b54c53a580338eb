import type { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Aspects, DataTerraformRemoteStateS3, LocalBackend, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { AccountModel, OrgModel } from "../planning/model";
import { purposeRoleName, stateReaderRoleName } from "../modules/aws/account-role";
import type { DeploymentTarget } from "../modules/aws/deployment-target";
import { awsProviderFor } from "../modules/aws/provider-factory";
import { defaultTagsFor } from "../modules/aws/tags";
import { Guardrails } from "../modules/guardrails/guardrails";
import { suppressKnownExceptions } from "./guardrail-exceptions";
import { undeclaredReferences } from "../modules/guardrails/undeclared-references";
import { s3StateConfig, useAccountStateBackend } from "../modules/state/backend";
import { stateLocationOf, type StateLocation } from "../modules/state/state-location";
import { partitionOf, type Partition } from "../planning/partition";

/** What every stack knows: the org, the account and region it deploys into, and where. */
export interface AccountStackProps {
  readonly org: OrgModel;
  readonly account: AccountModel;
  readonly region: string;
  /** Environment name, or "global" for account-wide stacks. */
  readonly environment: string;
  readonly target: DeploymentTarget;
  /**
   * Local state path (relative to the stack's directory) instead of the account's bucket:
   * only for the bootstrap stack's very first apply.
   * @default undefined (state in the account's S3 bucket)
   */
  readonly localStatePath?: string;
  /**
   * Role names this stack's providers, backend and remote-state reads must not assume
   * (guardrail ORG-ROLE-1).
   * @default [org.accessRoleName] (the admin role), or [] when the target's purpose is break-glass
   */
  readonly forbiddenRoleNames?: readonly string[];
}

/**
 * A stack deployed into one account and region: its provider assumes the account's role,
 * its state lives in that account's bucket under its own key, and guardrails check it at synth.
 */
export class AccountStack extends TerraformStack {
  public readonly org: OrgModel;
  public readonly account: AccountModel;
  public readonly region: string;
  /** Partition of the stack's region: every ARN the stack writes is in it. */
  public readonly partition: Partition;
  public readonly environment: string;
  public readonly target: DeploymentTarget;
  public readonly provider: AwsProvider;
  public readonly stateLocation: StateLocation;
  /** The role every provider and backend of this stack assumes in its account (by the target's purpose); undefined: the session's own. */
  public readonly roleName?: string;
  /** See `AccountStackProps.forbiddenRoleNames`; read when the guardrails run, at synth. */
  public forbiddenRoleNames: readonly string[];
  private readonly extraProviders = new Map<string, AwsProvider>();
  private readonly remoteStates = new Map<AccountStack, DataTerraformRemoteStateS3>();

  constructor(scope: Construct, name: string, props: AccountStackProps) {
    super(scope, name);
    this.org = props.org;
    this.account = props.account;
    this.region = props.region;
    this.partition = partitionOf(props.region);
    this.environment = props.environment;
    this.target = props.target;
    // The admin role is refused in providers, backends and remote-state reads unless break-glass is asked for.
    this.forbiddenRoleNames = props.forbiddenRoleNames ?? (props.target.purpose === "break-glass" ? [] : [props.org.accessRoleName]);
    this.stateLocation = stateLocationOf(props.org.name, props.org.stateRegion, props.account, name);
    this.roleName = purposeRoleName(props.org, props.target.purpose ?? "plan");
    this.provider = this.providerFor(props.region);
    if (props.localStatePath) {
      new LocalBackend(this, { path: props.localStatePath });
    } else {
      useAccountStateBackend(this, { location: this.stateLocation, roleName: this.roleName, target: props.target });
    }
    // Log groups keep their environment's tier days; stacks outside any environment keep the org's.
    const logRetentionDays = props.org.environments.find((e) => e.name === props.environment)?.logRetention ?? props.org.logRetention;
    Aspects.of(this).add(new Guardrails({ context: () => ({ forbiddenRoleNames: this.forbiddenRoleNames, logRetentionDays }) }));
    suppressKnownExceptions(this);
  }

  /**
   * Skips cdktf's preparing resolve pass. That pass resolves every element once only to find implicit
   * cross-stack references (a token of one stack used in another) and wire them through outputs and
   * remote-state reads. orgplat passes values between stacks explicitly (`remoteStateOf`, through the
   * account role), so the pass found nothing while costing a fifth of the bundled org's synth time.
   * An implicit reference is refused by `toTerraform` below instead.
   */
  public override prepareStack(): void {
    this.ensureBackendExists();
  }

  /**
   * The stack's Terraform JSON (typed `any` as in cdktf); refused when it refers to a resource it
   * does not declare, i.e. when a token of another stack was used here.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the signature of cdktf's TerraformStack.toTerraform
  public override toTerraform(): any {
    const tf = super.toTerraform();
    const undeclared = undeclaredReferences(tf);
    if (undeclared.length) {
      throw new Error(
        `Stack "${this.node.id}" refers to resources it does not declare (values of another stack used directly):\n` +
          undeclared.map((u) => `  ${u.address} at ${u.usedAt}`).join("\n") +
          `\nExport each from its stack as a TerraformOutput and read it here with remoteStateOf(producer).`,
      );
    }
    return tf;
  }

  /** The provider for `region` in this stack's account (aliased when it is not the stack's own region). */
  public providerIn(region: string): AwsProvider {
    return region === this.region ? this.provider : this.providerFor(region);
  }

  /** Stacks whose outputs this stack reads: the producer account's state-reader role for this account grants exactly their keys. */
  public get producers(): readonly AccountStack[] {
    return [...this.remoteStates.keys()];
  }

  /**
   * Reads another stack's outputs from its state bucket (one data source per producer) through the producer
   * account's state-reader role for this stack's account, and orders this stack after it so `cdktf deploy '<env>-*'` applies the producer first.
   */
  public remoteStateOf(producer: AccountStack): DataTerraformRemoteStateS3 {
    const known = this.remoteStates.get(producer);
    if (known) return known;
    this.addDependency(producer);
    const state = new DataTerraformRemoteStateS3(this, `state-of-${producer.node.id}`, {
      ...s3StateConfig({ location: producer.stateLocation, roleName: stateReaderRoleName(this.org, this.account), target: this.target }),
    });
    this.remoteStates.set(producer, state);
    return state;
  }

  private providerFor(region: string): AwsProvider {
    const existing = this.extraProviders.get(region);
    if (existing) return existing;
    const isHome = this.extraProviders.size === 0;
    const provider = awsProviderFor(this, isHome ? "aws" : `aws-${region}`, {
      account: this.account,
      region,
      roleName: this.roleName,
      tags: defaultTagsFor({ environment: this.environment, owner: this.org.owner, stack: this.node.id }),
      target: this.target,
      alias: isHome ? undefined : region,
    });
    this.extraProviders.set(region, provider);
    return provider;
  }
}
