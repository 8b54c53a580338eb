import { CloudwatchLogGroup } from "@cdktf/provider-aws/lib/cloudwatch-log-group";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { Testing } from "cdktf";
import { JobDefinition } from "../../../modules/batch/job-definition";
import { resourcesOf } from "../../support/synth";

function synthJob(job: { retryAttempts: number; timeoutSeconds: number; command?: string[] }): Record<string, unknown> {
  const text = Testing.synthScope((scope) => {
    const jobRole = new IamRole(scope, "job-role", { name: "dev-us-east-1-batch-job", assumeRolePolicy: "{}" });
    const logGroup = new CloudwatchLogGroup(scope, "logs", { name: "/orgplat/batch/dev-us-east-1" });
    new JobDefinition(scope, "report", {
      name: "dev-us-east-1-nightly-report",
      job: { image: "public.ecr.aws/docker/library/busybox:1.36", vcpus: 2, memoryMiB: 4096, ...job },
      jobRole,
      logGroup,
      region: "us-east-1",
    });
  });
  return resourcesOf(JSON.parse(text), "aws_batch_job_definition")[0];
}

describe("JobDefinition", () => {
  const definition = synthJob({ retryAttempts: 4, timeoutSeconds: 7200, command: ["echo", "report"] });

  it("retries a Spot reclaim first and exits on anything else as the last rule", () => {
    expect(definition.retry_strategy).toEqual({
      attempts: 4,
      evaluate_on_exit: [
        { action: "RETRY", on_status_reason: "Host EC2*" },
        { action: "EXIT", on_reason: "*" },
      ],
    });
  });

  it("takes attempts and the per-attempt timeout from the config", () => {
    const other = synthJob({ retryAttempts: 10, timeoutSeconds: 60 });
    expect(other.retry_strategy).toMatchObject({ attempts: 10 });
    expect(other.timeout).toEqual({ attempt_duration_seconds: 60 });
    expect(definition.timeout).toEqual({ attempt_duration_seconds: 7200 });
  });

  it("runs the container on EC2 with the job role, its size, and logs in the deployment's group", () => {
    expect(definition).toMatchObject({ name: "dev-us-east-1-nightly-report", type: "container", platform_capabilities: ["EC2"], propagate_tags: true });
    const container = definition.container_properties as string;
    expect(container).toMatch(/^\$\{jsonencode\(/);
    expect(container).toContain('"jobRoleArn" = aws_iam_role.job-role.arn');
    expect(container).toContain('"resourceRequirements" = [{"type" = "VCPU", "value" = "2"}, {"type" = "MEMORY", "value" = "4096"}]');
    expect(container).toContain('"awslogs-group" = aws_cloudwatch_log_group.logs.name');
    expect(container).toContain('"command" = ["echo", "report"]');
  });
});
