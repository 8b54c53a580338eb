import { GITHUB_COMMENT_LIMIT, PLAN_SUMMARY_MARKER, renderPlanComment, summarizeStackPlan, type StackPlanSummary } from "../../../scripts/lib/plan-summary";
import { recordedPlan, recordedText } from "../fixtures/plan-fixtures";

/** Real plans terraform made against moto (see fixtures/plan-fixtures.ts). */
const movedSubnet = () => summarizeStackPlan({ stack: "dev-us-east-1-network", plan: recordedPlan("pull-request/dev-us-east-1-network.json") });
const unchanged = () => summarizeStackPlan({ stack: "shared-us-east-1-transit", plan: recordedPlan("pull-request/shared-us-east-1-transit.json") });
const refused = () => summarizeStackPlan({ stack: "bootstrap-network", error: recordedText("pull-request/bootstrap-network.error.txt") });
const destroyed = () => summarizeStackPlan({ stack: "dev-us-east-1-network", plan: recordedPlan("destroy/dev-us-east-1-network.json") });

describe("plan summary", () => {
  it("counts a replacement once, under replace, apart from adds, changes and destroys", () => {
    const s = movedSubnet();
    expect(s.status).toBe("changes");
    expect(s.counts).toEqual({ create: 0, update: 1, delete: 0, replace: 2 });
    expect(s.changes.map((c) => [c.type, c.kind])).toEqual([
      ["aws_network_acl", "update"],
      ["aws_route_table_association", "replace"],
      ["aws_subnet", "replace"],
    ]);
  });

  it("names the attribute that forces a replacement, with its old and new value", () => {
    const subnet = movedSubnet().changes.find((c) => c.type === "aws_subnet")!;
    expect(subnet.attributes.find((a) => a.forcesReplacement)).toEqual({
      name: "cidr_block",
      before: '"10.0.51.0/24"',
      after: '"10.0.200.0/24"',
      forcesReplacement: true,
    });
  });

  it("sees no change in a plan that has none, and keeps a failed plan's error", () => {
    expect(unchanged()).toMatchObject({ status: "no-changes", changes: [], counts: { create: 0, update: 0, delete: 0, replace: 0 } });
    expect(refused()).toMatchObject({ status: "failed" });
    expect(refused().error).toContain("Instance cannot be destroyed");
  });

  it("flags destroys of resources that hold data, and nothing else", () => {
    const s = destroyed();
    expect(s.counts.delete).toBe(s.changes.length);
    expect(s.dataAtRisk.map((r) => [r.address.split(".")[0], r.kind])).toEqual([["aws_cloudwatch_log_group", "delete"]]);
    expect(movedSubnet().dataAtRisk).toEqual([]);
  });

  describe("the comment", () => {
    const comment = renderPlanComment([movedSubnet(), unchanged(), refused()], { runUrl: "https://github.com/o/r/actions/runs/7" });

    it("starts with the hidden marker and a headline", () => {
      expect(comment.split("\n").slice(0, 2)).toEqual([PLAN_SUMMARY_MARKER, "### Terraform plan: 1 of 3 stacks change, 1 failed to plan"]);
    });

    it("has one table: failed stacks first, then those that change; unchanged ones collapsed below it", () => {
      expect(comment).toContain(
        [
          "| stack | add | change | destroy | replace |",
          "| --- | ---: | ---: | ---: | ---: |",
          "| `bootstrap-network` | :x: plan failed | | | |",
          "| :warning: `dev-us-east-1-network` | 0 | 1 | 0 | 2 |",
          "",
          "<details><summary>1 stack without changes</summary>",
          "",
          "`shared-us-east-1-transit`",
          "",
          "</details>",
        ].join("\n"),
      );
    });

    it("folds each stack's details, leaving out values that only become known after apply", () => {
      expect(comment).toContain("<details><summary><code>dev-us-east-1-network</code>: 1 to change, 2 to replace</summary>\n\n```diff\n~ aws_network_acl.");
      expect(comment).toContain('    cidr_block: "10.0.51.0/24" -> "10.0.200.0/24"  # forces replacement');
      expect(comment).not.toContain("owner_id");
    });

    it("links the run that holds every plan", () => {
      expect(comment.trimEnd().endsWith("Every stack's full plan JSON is attached to [the workflow run](https://github.com/o/r/actions/runs/7).")).toBe(true);
    });
  });

  it("puts a loud caution above the table when data would be lost, and marks the stack in it", () => {
    const comment = renderPlanComment([destroyed()]);
    const caution = comment.indexOf("> [!CAUTION]");
    expect(caution).toBeGreaterThan(0);
    expect(caution).toBeLessThan(comment.indexOf("| stack |"));
    expect(comment).toMatch(/> - `dev-us-east-1-network`: \*\*destroy\*\* `aws_cloudwatch_log_group\.[^`]+` \(CloudWatch log group \(its log events\)\)/);
    expect(comment).toContain(`| :warning: \`dev-us-east-1-network\` | 0 | 0 | ${destroyed().counts.delete} | 0 |`);
  });

  it("flags a replaced subnet as disruptive, not as data at risk, and a destroy as neither", () => {
    expect(movedSubnet().disruptive).toEqual([
      { stack: "dev-us-east-1-network", address: expect.stringMatching(/^aws_subnet\./), disrupts: expect.stringContaining("ENIs") },
    ]);
    expect(destroyed().disruptive).toEqual([]);
  });

  it("puts a disruption warning above the table for every replaced subnet, VPC, TGW attachment or Batch compute environment", () => {
    const comment = renderPlanComment([movedSubnet()]);
    const warning = comment.indexOf("> [!WARNING]\n> **Disruptive: this plan replaces 1 resource that running workloads sit in or route through.**");
    expect(warning).toBeGreaterThan(0);
    expect(warning).toBeLessThan(comment.indexOf("| stack |"));
    expect(comment).toMatch(/> - `dev-us-east-1-network`: \*\*replace\*\* `aws_subnet\.[^`]+` \(subnet \(its ENIs/);
    expect(comment).not.toContain("[!CAUTION]");
  });

  it.each(["aws_vpc", "aws_ec2_transit_gateway_vpc_attachment", "aws_ec2_transit_gateway_peering_attachment", "aws_batch_compute_environment"])(
    "treats a replacement of %s as disruptive, and an in-place update of it as not",
    (type) => {
      const change = (actions: string[]) => ({ address: `${type}.x`, type, mode: "managed", change: { actions, before: {}, after: {} } });
      const replaced = summarizeStackPlan({ stack: "s", plan: { resource_changes: [change(["create", "delete"])] } as never });
      const updated = summarizeStackPlan({ stack: "s", plan: { resource_changes: [change(["update"])] } as never });
      expect(replaced.disruptive.map((d) => d.address)).toEqual([`${type}.x`]);
      expect(updated.disruptive).toEqual([]);
    },
  );

  describe("under the comment limit", () => {
    const summaries: StackPlanSummary[] = [destroyed(), movedSubnet(), unchanged(), refused()];
    const table = (text: string) => text.slice(0, text.indexOf("#### Details"));
    const whole = renderPlanComment(summaries);

    it("the default limit stays below GitHub's 65,536 characters", () => {
      expect(renderPlanComment(summaries).length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    });

    it.each([3000, 4500, 6000])("cuts the details, never the warnings or the table, to fit %i characters", (maxChars) => {
      const cut = renderPlanComment(summaries, { maxChars });
      expect(cut.length).toBeLessThanOrEqual(maxChars);
      expect(table(cut)).toBe(table(whole));
      expect(cut).toMatch(/… \d+ more lines? cut to fit the comment limit|Details of \d+ stacks? left out/);
    });

    it("says how many stacks' details were left out", () => {
      const cut = renderPlanComment(summaries, { maxChars: table(whole).length + 400 });
      expect(cut).toMatch(/_Details of [1-3] stacks? left out to stay under GitHub's 65,536-character comment limit._$/);
    });
  });

  it('says "N of M stacks affected" and folds the unaffected stacks when the plans are of what changed', () => {
    const comment = renderPlanComment([movedSubnet()], {
      affected: {
        changed: ["dev-us-east-1-network"],
        added: [],
        removed: ["dev-us-east-1-batch"],
        unaffected: ["shared-us-east-1-transit", "prod-us-east-1-network"],
        total: 4,
      },
    });
    expect(comment).toContain("**2 of 4 stacks affected** (synthesized output compared with the base; only those were planned).");
    expect(comment).toContain("Removed from the org, planned for destruction: `dev-us-east-1-batch`");
    expect(comment).toContain(
      "<details><summary>2 stacks unaffected (not planned)</summary>\n\n`shared-us-east-1-transit`, `prod-us-east-1-network`\n\n</details>",
    );
    expect(renderPlanComment([movedSubnet()])).not.toContain("affected");
  });
});
