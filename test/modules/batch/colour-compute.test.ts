import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { Testing } from "cdktf";
import { BatchRoles } from "../../../modules/batch/batch-roles";
import { BatchSecurityGroup } from "../../../modules/batch/batch-security-group";
import { ColourCompute } from "../../../modules/batch/colour-compute";
import { BatchNames } from "../../../modules/batch/queue-order";
import type { BatchColourConfig } from "../../../environments/schema";
import { resourcesOf, type StackJson } from "../../support/synth";

const settings: BatchColourConfig = {
  instanceTypes: ["m6i", "c6i.2xlarge"],
  maxVcpus: 512,
  spotAllocationStrategy: "SPOT_CAPACITY_OPTIMIZED",
  imageType: "ECS_AL2023",
  amiId: "ami-0abc1234def567890",
  rootVolumeGiB: 80,
};

function synthColour(enabled: boolean): StackJson {
  return JSON.parse(
    Testing.synthScope((scope) => {
      const jobLogGroup = new CloudwatchLogGroup(scope, "logs", { name: "/orgplat/batch/dev-us-east-1" });
      const roles = new BatchRoles(scope, "roles", { accountId: "555555555555", region: "us-east-1", namePrefix: "dev-us-east-1", jobLogGroup });
      const group = new BatchSecurityGroup(scope, "sg", { vpcId: "vpc-1", vpcCidr: "10.0.0.0/16", name: "dev-us-east-1-batch" });
      new ColourCompute(scope, "green", {
        colour: "green",
        settings,
        enabled,
        names: new BatchNames("dev-us-east-1"),
        subnetIds: ["subnet-a", "subnet-b"],
        securityGroup: group.securityGroup,
        servicePolicy: roles.servicePolicy,
        instanceProfile: roles.instanceProfile,
      });
    }),
  ) as StackJson;
}

describe("ColourCompute", () => {
  const json = synthColour(true);
  const environments = Object.fromEntries(resourcesOf(json, "aws_batch_compute_environment").map((ce) => [ce.compute_environment_name_prefix as string, ce]));
  const spot = environments["dev-us-east-1-batch-green-spot-"];
  const onDemand = environments["dev-us-east-1-batch-green-on-demand-"];

  it("names each environment by a prefix and replaces it create-before-destroy, so a queue never orders a deleted one", () => {
    for (const ce of [spot, onDemand]) {
      expect(ce).not.toHaveProperty("compute_environment_name");
      expect(ce.lifecycle).toEqual({ create_before_destroy: true });
    }
    // The Name tag keeps the stem: a tag change would itself force a replacement.
    expect((spot.compute_resources as { tags: unknown }).tags).toEqual({ Name: "dev-us-east-1-batch-green-spot" });
  });

  it("builds a Spot environment with the configured allocation strategy", () => {
    expect(spot).toMatchObject({ type: "MANAGED", state: "ENABLED", compute_resources: { type: "SPOT", allocation_strategy: "SPOT_CAPACITY_OPTIMIZED" } });
  });

  it("builds the On-Demand fallback with BEST_FIT_PROGRESSIVE", () => {
    expect(onDemand).toMatchObject({ type: "MANAGED", state: "ENABLED", compute_resources: { type: "EC2", allocation_strategy: "BEST_FIT_PROGRESSIVE" } });
  });

  it("scales both from 0 to the colour's ceiling on its instance types, in the shared subnets", () => {
    for (const ce of [spot, onDemand]) {
      expect(ce.compute_resources).toMatchObject({
        min_vcpus: 0,
        max_vcpus: 512,
        instance_type: ["m6i", "c6i.2xlarge"],
        subnets: ["subnet-a", "subnet-b"],
        security_group_ids: [expect.stringMatching(/^\$\{aws_security_group\.sg_group_\w+\.id\}$/)],
        instance_role: expect.stringMatching(/^\$\{aws_iam_instance_profile\.roles_instance-profile_\w+\.arn\}$/),
        ec2_configuration: [{ image_type: "ECS_AL2023", image_id_override: "ami-0abc1234def567890" }],
      });
      expect((ce.compute_resources as { launch_template: unknown }).launch_template).toEqual({
        launch_template_id: expect.stringMatching(/^\$\{aws_launch_template\.green_launch-template_\w+\.id\}$/),
        version: "$Latest",
      });
      // Left out: AWS Batch's service-linked role, with which subnet, instance type and image changes update in place.
      expect(ce).not.toHaveProperty("service_role");
      expect(ce.update_policy).toEqual({ terminate_jobs_on_update: false, job_execution_timeout_minutes: 360 });
      expect(ce.depends_on).toEqual([expect.stringMatching(/^aws_iam_role_policy_attachment\.roles_service-policy_\w+$/)]);
    }
  });

  it("launches from an encrypted gp3 root volume with IMDSv2 only and one hop", () => {
    const [template] = resourcesOf(json, "aws_launch_template");
    expect(template).toMatchObject({
      name: "dev-us-east-1-batch-green",
      metadata_options: { http_endpoint: "enabled", http_tokens: "required", http_put_response_hop_limit: 1 },
      block_device_mappings: [{ device_name: "/dev/xvda", ebs: { volume_size: 80, volume_type: "gp3", encrypted: "true", delete_on_termination: "true" } }],
    });
  });

  it("disables both environments of a retired colour", () => {
    const retired = resourcesOf(synthColour(false), "aws_batch_compute_environment");
    expect(retired.map((ce) => ce.state)).toEqual(["DISABLED", "DISABLED"]);
  });
});
