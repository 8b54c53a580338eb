import type { Construct } from "constructs";
import type { EnvironmentModel, VpcModel } from "../planning/model";
import { BatchRoles } from "../modules/batch/batch-roles";
import { BatchSecurityGroup } from "../modules/batch/batch-security-group";
import { BlueGreenCompute } from "../modules/batch/blue-green-compute";
import { JobDefinition } from "../modules/batch/job-definition";
import { JobLogGroup } from "../modules/batch/job-log-group";
import { BatchNames, JOB_QUEUE_KINDS } from "../modules/batch/queue-order";
import { AccountStack, type AccountStackProps } from "./account-stack";
import { logGroupKeyOf } from "./log-group-key-of";
import type { NetworkOutputs } from "./network-stack";
import { BATCH_OUTPUTS } from "./output-contracts";
import { writeOutputs } from "./stack-outputs";

/** Anything that hands a consumer stack the shared VPC and subnets: the network stack of the same environment × region. */
export interface NetworkOutputsSource {
  outputsFor(consumer: AccountStack): NetworkOutputs;
}

export interface BatchStackProps extends Omit<AccountStackProps, "region" | "account" | "environment"> {
  /** The environment; its `batch` settings and first workload account are used. */
  readonly environmentModel: EnvironmentModel;
  /** The environment's VPC in this stack's region: its private subnets' AZ IDs. */
  readonly vpcModel: VpcModel;
  /** Producer of the shared VPC id, CIDR and subnet ids (read through remote state, never by tag). */
  readonly network: NetworkOutputsSource;
}

/**
 * AWS Batch of one environment in one region, in the environment's first workload account:
 * blue and green compute environments (Spot first, On-Demand fallback) in the shared private
 * subnets, two job queues ordered by the colour state, the job definitions and their roles.
 */
export class BatchStack extends AccountStack {
  public readonly compute: BlueGreenCompute;
  public readonly roles: BatchRoles;
  public readonly jobDefinitions: Readonly<Record<string, JobDefinition>>;

  constructor(scope: Construct, name: string, props: BatchStackProps) {
    const env = props.environmentModel;
    if (!env.batch) throw new Error(`environment "${env.name}" has no batch settings; build no BatchStack for it`);
    super(scope, name, { ...props, environment: env.name, account: env.workloadAccounts[0], region: props.vpcModel.region.name });
    const batch = env.batch;
    const names = new BatchNames(`${env.name}-${this.region}`);
    const network = props.network.outputsFor(this);

    const logs = new JobLogGroup(this, "job-logs", { name: names.prefix, retentionDays: env.logRetention, key: logGroupKeyOf(this).key });
    this.roles = new BatchRoles(this, "roles", {
      accountId: this.account.id,
      region: this.region,
      namePrefix: names.prefix,
      jobLogGroup: logs.logGroup,
      nameServiceLinkedRole: this.target.emulatorEndpoint !== undefined,
    });
    const securityGroup = new BatchSecurityGroup(this, "security-group", { vpcId: network.vpcId, vpcCidr: network.vpcCidr, name: `${names.prefix}-batch` });
    this.compute = new BlueGreenCompute(this, "compute", {
      names,
      colours: batch.colours,
      active: batch.active,
      draining: batch.draining,
      configPath: `environments.${env.name}.batch`,
      subnetIds: Object.keys(props.vpcModel.subnets.private).map((azId) => network.subnetId("private", azId)),
      securityGroup: securityGroup.securityGroup,
      roles: this.roles,
      ownState: { location: this.stateLocation, roleName: this.roleName, target: this.target },
      stateBucketProvider: this.providerIn(this.org.stateRegion),
    });
    this.jobDefinitions = Object.fromEntries(
      Object.entries(batch.jobDefinitions).map(([jobName, job]) => [
        jobName,
        new JobDefinition(this, `job-${jobName}`, {
          name: `${names.prefix}-${jobName}`,
          job,
          jobRole: this.roles.jobRole,
          logGroup: logs.logGroup,
          region: this.region,
        }),
      ]),
    );

    writeOutputs(this, BATCH_OUTPUTS, {
      jobQueueArns: Object.fromEntries(JOB_QUEUE_KINDS.map((kind) => [kind, this.compute.queues[kind].arn])),
      jobDefinitionArns: Object.fromEntries(Object.entries(this.jobDefinitions).map(([jobName, d]) => [jobName, d.definition.arn])),
      jobRoleArn: this.roles.jobRole.arn,
    });
  }
}
