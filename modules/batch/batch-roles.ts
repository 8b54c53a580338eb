import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import type { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { Construct } from "constructs";
import { arnOf, awsManagedPolicyArn, partitionOf, regionalArn, type Partition } from "../../planning/partition";

/** The three identities of a Batch deployment. */
export interface BatchRolesProps {
  /** Account and region the roles serve: they pin trust policies and resource ARNs. */
  readonly accountId: string;
  readonly region: string;
  /** Prefix of the role names, e.g. "dev-us-east-1" (IAM names are global, so it includes the region). */
  readonly namePrefix: string;
  /** The group the container agent writes job logs to; the instance role may write nowhere else. */
  readonly jobLogGroup: CloudwatchLogGroup;
  /**
   * Name AWS Batch's service-linked role in the compute environments instead of leaving the field
   * out: for an emulator that refuses a compute environment without a service role (moto), where
   * the role is created beforehand as AWS would create it. Either way the environments run on the
   * service-linked role.
   * @default false
   */
  readonly nameServiceLinkedRole?: boolean;
}

/** AWS-managed policy of a Batch service role: named actions only, maintained by AWS Batch. */
export const BATCH_SERVICE_POLICY_NAME = "service-role/AWSBatchServiceRole";

/** AWS Batch's service-linked role in `accountId`, as Batch creates it on first use. */
export function batchServiceLinkedRoleArn(accountId: string, partition: Partition): string {
  return arnOf(partition, { service: "iam", account: accountId, resource: "role/aws-service-role/batch.amazonaws.com/AWSServiceRoleForBatch" });
}

/**
 * - compute environments run on AWS Batch's service-linked role (see `computeEnvironmentServiceRole`);
 * - service role: the per-stack role compute environments of earlier releases were created with.
 *   Batch cannot move an environment between a custom role and the service-linked one, so those
 *   keep it until their colour is retired; it must outlive them, as Batch needs it to delete them;
 * - instance role + profile: the ECS container agent on the instances (register, poll, pull
 *   images, write job logs), written out action by action instead of the managed policy's `ecs:Submit*`;
 * - job role: what the jobs' containers get. It starts with no permissions: teams attach what their jobs need.
 */
export class BatchRoles extends Construct {
  public readonly serviceRole: IamRole;
  public readonly instanceRole: IamRole;
  public readonly instanceProfile: IamInstanceProfile;
  public readonly jobRole: IamRole;
  /** Policy attachment the compute environments must wait for (Batch checks the role on create and on delete). */
  public readonly servicePolicy: IamRolePolicyAttachment;
  /**
   * The `service_role` of a compute environment: undefined, so Batch uses (and creates on first use)
   * its service-linked role `AWSServiceRoleForBatch`. Only with that role does AWS update subnets,
   * security groups, instance types, launch template and AMI in place (an infrastructure update
   * that lets running jobs finish) and the aws provider plan them as updates; with a custom role
   * each such change forces a new environment. The provider still forces one for Spot strategies
   * other than SPOT_CAPACITY_OPTIMIZED, which the compute environments' name prefix and
   * create-before-destroy make safe (modules/batch/colour-compute.ts).
   */
  public readonly computeEnvironmentServiceRole: string | undefined;

  constructor(scope: Construct, id: string, props: BatchRolesProps) {
    super(scope, id);
    const { accountId, region, namePrefix } = props;
    const trustFor = (name: string, service: string): DataAwsIamPolicyDocument =>
      new DataAwsIamPolicyDocument(this, `${name}-trust`, {
        statement: [
          {
            effect: "Allow",
            actions: ["sts:AssumeRole"],
            principals: [{ type: "Service", identifiers: [service] }],
            // Confused-deputy guard wherever the service sends the source account (EC2 does not).
            condition: service === "ec2.amazonaws.com" ? undefined : [{ test: "StringEquals", variable: "aws:SourceAccount", values: [accountId] }],
          },
        ],
      });

    this.serviceRole = new IamRole(this, "service", {
      name: `${namePrefix}-batch-service`,
      assumeRolePolicy: trustFor("service", "batch.amazonaws.com").json,
      description: `AWS Batch service role of ${namePrefix}`,
    });
    this.servicePolicy = new IamRolePolicyAttachment(this, "service-policy", {
      role: this.serviceRole.name,
      policyArn: awsManagedPolicyArn(partitionOf(region), BATCH_SERVICE_POLICY_NAME),
    });
    this.computeEnvironmentServiceRole = props.nameServiceLinkedRole ? batchServiceLinkedRoleArn(accountId, partitionOf(region)) : undefined;

    this.instanceRole = new IamRole(this, "instance", {
      name: `${namePrefix}-batch-instance`,
      assumeRolePolicy: trustFor("instance", "ec2.amazonaws.com").json,
      description: `ECS container agent on the Batch instances of ${namePrefix}`,
    });
    const ecsResources = [regionalArn(region, "ecs", accountId, "cluster/*"), regionalArn(region, "ecs", accountId, "container-instance/*")];
    const agent = new DataAwsIamPolicyDocument(this, "agent", {
      statement: [
        {
          effect: "Allow",
          actions: [
            "ecs:DeregisterContainerInstance",
            "ecs:Poll",
            "ecs:RegisterContainerInstance",
            "ecs:StartTelemetrySession",
            "ecs:SubmitAttachmentStateChanges",
            "ecs:SubmitContainerStateChange",
            "ecs:SubmitTaskStateChange",
            "ecs:UpdateContainerInstancesState",
            "ecs:ListTagsForResource",
          ],
          resources: ecsResources,
        },
        {
          effect: "Allow",
          actions: ["ecs:TagResource"],
          resources: ecsResources,
          condition: [{ test: "StringEquals", variable: "ecs:CreateAction", values: ["RegisterContainerInstance"] }],
        },
        // These actions have no resource-level permissions.
        { effect: "Allow", actions: ["ecs:DiscoverPollEndpoint", "ec2:DescribeTags", "ecr:GetAuthorizationToken"], resources: ["*"] },
        // Images may come from any registry the organization shares; pulls are read-only.
        {
          effect: "Allow",
          actions: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
          resources: [arnOf(partitionOf(region), { service: "ecr", region: "*", account: "*", resource: "repository/*" })],
        },
        { effect: "Allow", actions: ["logs:CreateLogStream", "logs:PutLogEvents"], resources: [`${props.jobLogGroup.arn}:log-stream:*`] },
      ],
    });
    new IamRolePolicy(this, "agent-policy", { role: this.instanceRole.id, name: "ecs-container-agent", policy: agent.json });
    this.instanceProfile = new IamInstanceProfile(this, "instance-profile", { name: `${namePrefix}-batch-instance`, role: this.instanceRole.name });

    this.jobRole = new IamRole(this, "job", {
      name: `${namePrefix}-batch-job`,
      assumeRolePolicy: trustFor("job", "ecs-tasks.amazonaws.com").json,
      description: `Role of the Batch jobs of ${namePrefix}; grants nothing until a team attaches a policy`,
    });
  }
}
