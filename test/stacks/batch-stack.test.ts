import { resolveOrg } from "../../environments/load";
import type { OrgConfigInput } from "../../environments/schema";
import { buildTestOrg, exampleOrgInput, exampleOrgModel, findStack, resourcesOf, synthStack, type StackJson } from "../support/synth";

type BatchInput = NonNullable<OrgConfigInput["environments"][string]["batch"]>;

/** dev-us-east-1-batch synthesized from the example org with dev's batch settings tweaked. */
function devBatch(tweak: (batch: BatchInput) => void = () => undefined): StackJson {
  const input = exampleOrgInput();
  tweak(input.environments.dev.batch!);
  const stacks = buildTestOrg(resolveOrg(input, "test"));
  return synthStack(findStack(stacks.batch, "dev-us-east-1-batch")).json;
}

const withGreen = (batch: BatchInput) => (batch.colours.green = { ...batch.colours.blue!, instanceTypes: ["m7i"] });

/** Each queue's compute environments, in order, as "colour_capacity" taken from the referenced resource. */
function queueOrders(json: StackJson): Record<string, string[]> {
  return Object.fromEntries(
    resourcesOf(json, "aws_batch_job_queue").map((q) => [
      q.name as string,
      (q.compute_environment_order as { order: number; compute_environment: string }[])
        .sort((a, b) => a.order - b.order)
        .map((e) => e.compute_environment.match(/^\$\{aws_batch_compute_environment\.compute_([\w-]+?)_[0-9A-F]{8}\.arn\}$/)![1]),
    ]),
  );
}

const statesOf = (json: StackJson) =>
  Object.fromEntries(resourcesOf(json, "aws_batch_compute_environment").map((ce) => [String(ce.compute_environment_name_prefix).replace(/-$/, ""), ce.state]));

describe("the Batch stacks", () => {
  const org = exampleOrgModel();
  const stacks = buildTestOrg(org);
  const dev = synthStack(findStack(stacks.batch, "dev-us-east-1-batch")).json;

  it("exist per environment × Batch region, named <env>-<region>-batch", () => {
    expect(stacks.batch.map((s) => s.node.id).sort()).toEqual([
      "dev-us-east-1-batch",
      "prod-eu-west-1-batch",
      "prod-us-east-1-batch",
      "staging-us-east-1-batch",
    ]);
  });

  it("pass the guardrails (no wildcard IAM action, no open ingress) in every environment", () => {
    for (const stack of stacks.batch) expect(() => synthStack(stack)).not.toThrow();
  });

  it("deploy into the environment's first workload account, with state in that account's bucket", () => {
    expect(dev.provider?.aws[0]).toMatchObject({ region: "us-east-1", allowed_account_ids: ["555555555555"] });
    expect(dev.terraform?.backend).toMatchObject({ s3: { bucket: "example-tfstate-555555555555", key: "dev-us-east-1-batch/terraform.tfstate" } });
  });

  it("take the shared VPC and private subnets by AZ ID from the same environment × region's network state, never by tag", () => {
    expect(Object.keys(dev.data?.terraform_remote_state ?? {})).toContain("state-of-dev-us-east-1-network");
    expect(dev.data?.aws_subnet ?? dev.data?.aws_subnets ?? dev.data?.aws_vpc).toBeUndefined();
    const azIds = Object.keys(org.environments.find((e) => e.name === "dev")!.vpcs[0].subnets.private);
    for (const ce of resourcesOf(dev, "aws_batch_compute_environment")) {
      expect((ce.compute_resources as { subnets: string[] }).subnets).toEqual(
        azIds.map((az) => `\${data.terraform_remote_state.state-of-dev-us-east-1-network.outputs.subnet_ids.private["${az}"]}`),
      );
    }
    const [group] = resourcesOf(dev, "aws_security_group");
    expect(group.vpc_id).toBe("${data.terraform_remote_state.state-of-dev-us-east-1-network.outputs.vpc_id}");
  });

  it("admit no ingress to the Batch instances", () => {
    expect(resourcesOf(dev, "aws_security_group")[0].ingress).toBeUndefined();
    expect(resourcesOf(dev, "aws_vpc_security_group_ingress_rule")).toEqual([]);
    expect(
      resourcesOf(dev, "aws_vpc_security_group_egress_rule")
        .map((r) => r.cidr_ipv4)
        .sort(),
    ).toEqual(["${data.terraform_remote_state.state-of-dev-us-east-1-network.outputs.vpc_cidr}", "0.0.0.0/0"]);
  });

  describe("queue order per colour state", () => {
    it("blue active: Spot first with On-Demand fallback, and On-Demand alone", () => {
      expect(queueOrders(dev)).toEqual({
        "dev-us-east-1-batch-spot-first": ["blue_spot", "blue_on-demand"],
        "dev-us-east-1-batch-on-demand": ["blue_on-demand"],
      });
      expect(statesOf(dev)).toEqual({ "dev-us-east-1-batch-blue-spot": "ENABLED", "dev-us-east-1-batch-blue-on-demand": "ENABLED" });
    });

    it("green active, blue draining: green first in every queue, blue behind it, both ENABLED", () => {
      const json = devBatch((b) => (withGreen(b), (b.state = { active: "green", draining: "blue" })));
      expect(queueOrders(json)).toEqual({
        "dev-us-east-1-batch-spot-first": ["green_spot", "blue_spot", "green_on-demand"],
        "dev-us-east-1-batch-on-demand": ["green_on-demand", "blue_on-demand"],
      });
      expect(Object.values(statesOf(json))).toEqual(["ENABLED", "ENABLED", "ENABLED", "ENABLED"]);
    });

    it("green active: blue DISABLED and in no queue", () => {
      const json = devBatch((b) => (withGreen(b), (b.state = { active: "green" })));
      expect(queueOrders(json)).toEqual({
        "dev-us-east-1-batch-spot-first": ["green_spot", "green_on-demand"],
        "dev-us-east-1-batch-on-demand": ["green_on-demand"],
      });
      expect(statesOf(json)).toMatchObject({ "dev-us-east-1-batch-blue-spot": "DISABLED", "dev-us-east-1-batch-blue-on-demand": "DISABLED" });
    });

    it("blue removed: only green's resources remain", () => {
      const json = devBatch((b) => ((b.colours = { green: { ...b.colours.blue!, instanceTypes: ["m7i"] } }), (b.state = { active: "green" })));
      expect(Object.keys(statesOf(json))).toEqual(["dev-us-east-1-batch-green-on-demand", "dev-us-east-1-batch-green-spot"]);
      expect(resourcesOf(json, "aws_launch_template").map((t) => t.name)).toEqual(["dev-us-east-1-batch-green"]);
    });
  });

  it("guard the Spot-first queue with preconditions on live reads, never in a check block", () => {
    const [spotFirst] = resourcesOf(dev, "aws_batch_job_queue").filter((q) => q.name === "dev-us-east-1-batch-spot-first");
    const conditions = (spotFirst.lifecycle as { precondition: { condition: string; error_message: string }[] }).precondition;
    expect(conditions.map((c) => c.condition)).toEqual([
      "${length(local.batch_leaving_still_enabled) == 0}",
      "${length(local.batch_leaving_still_queued) == 0}",
      "${length(local.batch_leaving_still_running) == 0}",
      "${length(local.batch_active_taken_out) == 0}",
    ]);
    expect(conditions.every((c) => /Next step|next set environments\.dev\.batch\.state|Wait until those jobs finish/.test(c.error_message))).toBe(true);
    expect((dev as { check?: unknown }).check).toBeUndefined();
  });

  it("read the live queues and leaving compute environments by literal name, so plan sees them before any change", () => {
    const liveQueue = Object.values(dev.data?.aws_batch_job_queue ?? {})[0] as Record<string, string>;
    const leaving = Object.values(dev.data?.aws_batch_compute_environment ?? {})[0] as Record<string, string>;
    expect(liveQueue).toMatchObject({ name: "${each.value}", for_each: "${toset(local.batch_ledger.job_queues)}" });
    expect(leaving).toMatchObject({ compute_environment_name: "${each.value}", for_each: "${local.batch_leaving_environments}" });
    // Only data sources (data.aws_batch_...), never the managed queues or compute environments.
    expect(JSON.stringify((dev as { locals?: unknown }).locals)).not.toMatch(/(^|[^.\w])aws_batch_(job_queue|compute_environment)\./);
  });

  it("read the ECS cluster of every leaving compute environment live, to refuse removing a colour whose jobs still run", () => {
    const [cluster] = Object.values(dev.data?.aws_ecs_cluster ?? {}) as Record<string, string>[];
    expect(cluster).toMatchObject({
      for_each: "${local.batch_leaving_environments}",
      cluster_name: expect.stringMatching(
        /^\$\{element\(split\("\/", data\.aws_batch_compute_environment\.compute_guard_leaving_\w+\[each\.key\]\.ecs_cluster_arn\), 1\)\}$/,
      ),
    });
    expect((dev as { locals?: Record<string, string> }).locals?.batch_leaving_still_running).toMatch(
      /data\.aws_ecs_cluster\.compute_guard_leaving-cluster_\w+/,
    );
  });

  it("cancel a job left RUNNABLE for want of capacity, or too big for any compute environment, so the queue moves on", () => {
    for (const queue of resourcesOf(dev, "aws_batch_job_queue")) {
      expect(queue.job_state_time_limit_action).toEqual([
        { state: "RUNNABLE", action: "CANCEL", reason: "CAPACITY:INSUFFICIENT_INSTANCE_CAPACITY", max_time_seconds: 3600 },
        { state: "RUNNABLE", action: "CANCEL", reason: "MISCONFIGURATION:COMPUTE_ENVIRONMENT_MAX_RESOURCE", max_time_seconds: 600 },
        { state: "RUNNABLE", action: "CANCEL", reason: "MISCONFIGURATION:JOB_RESOURCE_REQUIREMENT", max_time_seconds: 600 },
      ]);
    }
  });

  it("run every compute environment on Batch's service-linked role, so subnet and instance changes update in place", () => {
    for (const ce of resourcesOf(dev, "aws_batch_compute_environment")) expect(ce).not.toHaveProperty("service_role");
  });

  it("record the deployed colours in the batch_colours output and read them back from their own state once it exists", () => {
    expect(dev.output?.batch_colours.value).toEqual({
      compute_environments: {
        blue: {
          spot: expect.stringMatching(/^\$\{aws_batch_compute_environment\.compute_blue_spot_\w+\.compute_environment_name\}$/),
          "on-demand": expect.stringMatching(/^\$\{aws_batch_compute_environment\.compute_blue_on-demand_\w+\.compute_environment_name\}$/),
        },
      },
      job_queues: [
        expect.stringMatching(/^\$\{aws_batch_job_queue\.compute_spot-first_\w+\.name\}$/),
        expect.stringMatching(/^\$\{aws_batch_job_queue\.compute_on-demand_\w+\.name\}$/),
      ],
    });
    const [listing] = Object.values(dev.data?.aws_s3_objects ?? {}) as Record<string, string>[];
    expect(listing).toMatchObject({ bucket: "example-tfstate-555555555555", prefix: "dev-us-east-1-batch/terraform.tfstate" });
    const own = Object.entries(dev.data?.terraform_remote_state ?? {}).find(([name]) => name.startsWith("compute_guard_previous"))![1] as Record<
      string,
      unknown
    >;
    expect(own.config).toMatchObject({ bucket: "example-tfstate-555555555555", key: "dev-us-east-1-batch/terraform.tfstate" });
    expect(own.count).toMatch(
      /^\$\{contains\(data\.aws_s3_objects\.compute_guard_own-state_\w+\.keys, "dev-us-east-1-batch\/terraform\.tfstate"\) \? 1 : 0\}$/,
    );
  });

  it("list their own state in the state bucket's region when Batch runs in another region", () => {
    const json = synthStack(findStack(stacks.batch, "prod-eu-west-1-batch")).json;
    const [listing] = Object.values(json.data?.aws_s3_objects ?? {}) as Record<string, string>[];
    expect(listing.provider).toBe("aws.us-east-1");
    expect(json.provider?.aws.map((p) => p.region)).toEqual(["eu-west-1", "us-east-1"]);
  });

  it("export the queues, job definitions and job role for the teams that submit jobs", () => {
    expect(Object.keys(dev.output ?? {}).sort()).toEqual(["batch_colours", "job_definition_arns", "job_queue_arns", "job_role_arn"]);
    expect(Object.keys(dev.output!.job_queue_arns.value as object).sort()).toEqual(["on-demand", "spot-first"]);
    expect(resourcesOf(dev, "aws_batch_job_definition").map((d) => d.name)).toEqual(["dev-us-east-1-nightly-report"]);
  });
});
