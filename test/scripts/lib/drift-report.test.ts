import { driftIssueMarker, driftOf, renderDriftIssue, renderDriftText } from "../../../scripts/lib/drift-report";
import { driftExitCode } from "../../../scripts/drift";
import { recordedPlan } from "../fixtures/plan-fixtures";

/** Real plans (see fixtures/plan-fixtures.ts): a subnet changed behind Terraform's back; a config change. */
const drift = () => driftOf("dev-us-east-1-network", recordedPlan("drift/dev-us-east-1-network.json"));

describe("drift report", () => {
  it("reports the resource changed outside Terraform, with the attribute the next apply sets back", () => {
    const report = drift();
    expect(report.status).toBe("drifted");
    expect(report.drifted).toEqual([
      { address: expect.stringMatching(/^aws_subnet\.subnets-private_use1-az2_/), type: "aws_subnet", kind: "update", attributes: ["map_public_ip_on_launch"] },
    ]);
  });

  it("keeps resources that were never applied apart from drift", () => {
    const report = drift();
    expect(report.pending.length).toBeGreaterThan(0);
    expect(report.pending.every((p) => p.kind === "create")).toBe(true);
    expect(report.pending.map((p) => p.address)).not.toContain(report.drifted[0].address);
  });

  it("does not call a change of the configuration drift, even where the refresh also noticed differences", () => {
    // The moved-subnet plan updates a network ACL that moto also reads back differently (icmp fields).
    const plan = recordedPlan("pull-request/dev-us-east-1-network.json");
    expect((plan.resource_drift ?? []).map((d) => d.type)).toContain("aws_network_acl");
    const report = driftOf("dev-us-east-1-network", plan);
    expect(report.status).toBe("pending");
    expect(report.drifted).toEqual([]);
    expect(report.pending.map((p) => p.kind).sort()).toEqual(["replace", "replace", "update"]);
  });

  it("sees no drift in a plan without changes, and a failure when there is no plan", () => {
    expect(driftOf("shared-us-east-1-transit", recordedPlan("pull-request/shared-us-east-1-transit.json")).status).toBe("in-sync");
    expect(driftOf("x", undefined, "terraform init failed")).toEqual({
      stack: "x",
      status: "failed",
      drifted: [],
      pending: [],
      error: "terraform init failed",
    });
  });

  it("exits 2 on drift, 1 when a stack could not be checked, 0 otherwise", () => {
    const inSync = driftOf("a", recordedPlan("pull-request/shared-us-east-1-transit.json"));
    expect(driftExitCode([inSync])).toBe(0);
    expect(driftExitCode([inSync, drift()])).toBe(2);
    expect(driftExitCode([drift(), driftOf("b", undefined, "boom")])).toBe(1);
  });

  it("writes one issue per stack, found again by its marker", () => {
    const { title, body } = renderDriftIssue(drift(), "https://github.com/o/r/actions/runs/9");
    expect(title).toBe("Drift: dev-us-east-1-network");
    expect(body.split("\n")[0]).toBe(driftIssueMarker("dev-us-east-1-network"));
    expect(body).toMatch(/\| `aws_subnet\.subnets-private_use1-az2_[^`]+` \| update \| `map_public_ip_on_launch` \|/);
    expect(body).toContain("npx cdktf deploy dev-us-east-1-network --ignore-missing-stack-dependencies");
    expect(body).toContain("[this run](https://github.com/o/r/actions/runs/9)");
  });

  it("prints a line per stack and one per drifted resource", () => {
    const text = renderDriftText([drift(), driftOf("shared-us-east-1-transit", recordedPlan("pull-request/shared-us-east-1-transit.json"))]);
    expect(text.split("\n")[0]).toBe("drift: 1 of 2 stacks drifted");
    expect(text).toMatch(/^dev-us-east-1-network: DRIFTED \(1 resource changed outside Terraform\), \d+ change\(s\) not applied yet$/m);
    expect(text).toMatch(/^ {2}~ aws_subnet\.subnets-private_use1-az2_\w+ \(update\): map_public_ip_on_launch$/m);
    expect(text).toContain("shared-us-east-1-transit: in sync");
  });
});
