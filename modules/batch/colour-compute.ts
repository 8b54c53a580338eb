import { BatchComputeEnvironment } from "@cdktf/provider-aws/lib/batch-compute-environment";
import type { IamInstanceProfile } from "@cdktf/provider-aws/lib/iam-instance-profile";
import type { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { LaunchTemplate } from "@cdktf/provider-aws/lib/launch-template";
import type { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { Construct } from "constructs";
import type { BatchColour } from "../../planning/names";
import { CAPACITIES, type BatchNames, type Capacity } from "./queue-order";

/** The most an infrastructure update waits for running jobs (UpdatePolicy.jobExecutionTimeoutMinutes, 1-360). */
export const MAX_UPDATE_JOB_TIMEOUT_MINUTES = 360;

/** What one colour launches: its two compute environments (Spot and On-Demand) are built alike from it. */
export interface ColourSettings {
  /** Instance types or families Batch may launch, e.g. ["m6i", "c6i.2xlarge"], or ["optimal"]. */
  readonly instanceTypes: readonly string[];
  /** Ceiling of each of the colour's two compute environments (they scale from 0). */
  readonly maxVcpus: number;
  /** How the Spot environment picks capacity pools. */
  readonly spotAllocationStrategy: "SPOT_CAPACITY_OPTIMIZED" | "SPOT_PRICE_CAPACITY_OPTIMIZED";
  /** Batch-managed ECS AMI family, e.g. "ECS_AL2023". */
  readonly imageType: string;
  /**
   * Exact AMI instead of the family's latest.
   * @default undefined (the image type's latest AMI)
   */
  readonly amiId?: string;
  /** Encrypted gp3 root volume of the colour's launch template. */
  readonly rootVolumeGiB: number;
}

/** One colour of a blue-green Batch deployment. */
export interface ColourComputeProps {
  readonly colour: BatchColour;
  /** Instance types, vCPU ceiling, Spot strategy, image and root volume of the colour. */
  readonly settings: ColourSettings;
  /** False for a retired colour: DISABLED, so Batch places no job on it and it may be deleted. */
  readonly enabled: boolean;
  readonly names: BatchNames;
  /** Shared private subnets, one per AZ ID, as ids handed over by the network stack. */
  readonly subnetIds: readonly string[];
  readonly securityGroup: SecurityGroup;
  /**
   * Service role ARN of the environments.
   * @default undefined (AWS Batch's service-linked role: changes to subnets, instance types or image update in place)
   */
  readonly serviceRoleArn?: string;
  /** The environments wait for it: environments of earlier releases use the stack's service role, which must outlive them. */
  readonly servicePolicy: IamRolePolicyAttachment;
  readonly instanceProfile: IamInstanceProfile;
}

/**
 * A Spot compute environment and an On-Demand one built from the same launch template and
 * image, both scaling from 0. Everything that defines the instances lives in the colour, so
 * changing them means rolling out a new colour; what every colour shares (the subnets) updates
 * in place where AWS and the provider allow it, and otherwise replaces the environment
 * create-before-destroy, with the queues moved over in place (docs/batch.md).
 */
export class ColourCompute extends Construct {
  public readonly launchTemplate: LaunchTemplate;
  public readonly environments: Readonly<Record<Capacity, BatchComputeEnvironment>>;

  constructor(scope: Construct, id: string, props: ColourComputeProps) {
    super(scope, id);
    const { colour, settings, names } = props;
    this.launchTemplate = new LaunchTemplate(this, "launch-template", {
      name: `${names.prefix}-batch-${colour}`,
      description: `Batch instances of colour ${colour} in ${names.prefix}`,
      updateDefaultVersion: true,
      // IMDSv2 only, one hop: job containers cannot reach the instance role's credentials.
      metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 },
      blockDeviceMappings: [
        { deviceName: "/dev/xvda", ebs: { volumeSize: settings.rootVolumeGiB, volumeType: "gp3", encrypted: "true", deleteOnTermination: "true" } },
      ],
    });
    this.environments = Object.fromEntries(
      CAPACITIES.map((capacity) => {
        const spot = capacity === "spot";
        const name = names.computeEnvironment(colour, capacity);
        const environment = new BatchComputeEnvironment(this, capacity, {
          // A prefix, not a fixed name, so a replacement can exist next to the environment it
          // replaces: see the lifecycle below.
          computeEnvironmentNamePrefix: names.computeEnvironmentPrefix(colour, capacity),
          type: "MANAGED",
          state: props.enabled ? "ENABLED" : "DISABLED",
          serviceRole: props.serviceRoleArn,
          computeResources: {
            type: spot ? "SPOT" : "EC2",
            allocationStrategy: spot ? settings.spotAllocationStrategy : "BEST_FIT_PROGRESSIVE",
            minVcpus: 0,
            maxVcpus: settings.maxVcpus,
            instanceType: [...settings.instanceTypes],
            instanceRole: props.instanceProfile.arn,
            securityGroupIds: [props.securityGroup.id],
            subnets: [...props.subnetIds],
            // Batch resolves $Latest once, when it creates the environment, and never again: a
            // changed template reaches instances only through a new colour (AWS Batch user guide,
            // LaunchTemplateSpecification), which is exactly the blue-green rule.
            launchTemplate: { launchTemplateId: this.launchTemplate.id, version: "$Latest" },
            ec2Configuration: [{ imageType: settings.imageType, imageIdOverride: settings.amiId }],
            tags: { Name: name },
          },
          // An in-place infrastructure update (new subnets, an added AZ ID) lets running jobs
          // finish for the longest time AWS allows before it replaces their instances.
          updatePolicy: { terminateJobsOnUpdate: false, jobExecutionTimeoutMinutes: MAX_UPDATE_JOB_TIMEOUT_MINUTES },
          dependsOn: [props.servicePolicy],
          // A change the provider cannot update in place (any Spot strategy but
          // SPOT_CAPACITY_OPTIMIZED with a subnet, security group or instance type change; a name
          // prefix where an earlier release set a fixed name) replaces the environment. Created
          // first, the new one takes the old one's place in every queue (an in-place queue update),
          // and only then is the old one disabled and deleted: a queue never orders a deleted
          // environment, and AWS refuses to delete one a queue still orders.
          lifecycle: { createBeforeDestroy: true },
        });
        return [capacity, environment];
      }),
    ) as Record<Capacity, BatchComputeEnvironment>;
  }
}
