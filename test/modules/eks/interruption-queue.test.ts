import { INTERRUPTION_EVENTS, InterruptionQueue } from "../../../modules/eks/interruption-queue";
import { resourcesOf } from "../../support/synth";
import { onlyResource, statementsOf, synthWith } from "./eks-fixture";

describe("InterruptionQueue", () => {
  const json = synthWith((scope) => new InterruptionQueue(scope, "interruption", { name: "dev-us-east-1-karpenter" }));

  it("is encrypted at rest and keeps events five minutes", () => {
    expect(onlyResource(json, "aws_sqs_queue")).toMatchObject({
      name: "dev-us-east-1-karpenter",
      sqs_managed_sse_enabled: true,
      message_retention_seconds: 300,
    });
  });

  it("admits EventBridge and refuses every request without TLS", () => {
    const [deliver, deny] = statementsOf(json, "interruption_policy") as Record<string, unknown>[];
    expect(deliver).toMatchObject({
      effect: "Allow",
      actions: ["sqs:SendMessage"],
      principals: [{ type: "Service", identifiers: ["events.amazonaws.com", "sqs.amazonaws.com"] }],
    });
    expect(deny).toMatchObject({ effect: "Deny", condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }] });
  });

  it("is fed by Karpenter's five EventBridge rules: Spot interruption, rebalance, state change, scheduled change, capacity-reservation interruption", () => {
    const patterns = resourcesOf(json, "aws_cloudwatch_event_rule").map((r) => JSON.parse(r.event_pattern as string) as { "detail-type": string[] });
    expect(patterns.map((p) => p["detail-type"][0]).sort()).toEqual([
      "AWS Health Event",
      "EC2 Capacity Reservation Instance Interruption Warning",
      "EC2 Instance Rebalance Recommendation",
      "EC2 Instance State-change Notification",
      "EC2 Spot Instance Interruption Warning",
    ]);
    const targets = resourcesOf(json, "aws_cloudwatch_event_target");
    expect(targets).toHaveLength(Object.keys(INTERRUPTION_EVENTS).length);
    for (const t of targets) expect(t.arn).toMatch(/^\$\{aws_sqs_queue\..*\.arn\}$/);
  });
});
