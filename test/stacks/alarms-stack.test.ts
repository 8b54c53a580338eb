import { exampleOrgModel, buildTestOrg, resourcesOf, synthStack, findStack, exampleOrgInput, type StackJson } from "../support/synth";
import { resolveOrg } from "../../environments/load";
import type { OrgStacks } from "../../stacks/org-app";
import { ALARM_DEFAULTS } from "../../planning/alarm-defaults";

type Body = Record<string, any>;

describe("observability stacks of the example org", () => {
  const org = exampleOrgModel();
  let stacks: OrgStacks;
  const json = new Map<string, StackJson>();
  const synthOf = (name: string): StackJson => {
    if (!json.has(name)) json.set(name, synthStack(stacks.all.find((s) => s.node.id === name)!).json);
    return json.get(name)!;
  };
  const alarmStackNames = (): string[] => [...stacks.alarms, ...stacks.networkAlarms].map((s) => s.node.id);

  beforeAll(() => {
    stacks = buildTestOrg(org);
  });

  it("links every account of every environment to the monitoring sink once in each region it runs stacks", () => {
    const links = stacks.all.flatMap((s) => (resourcesOf(synthOf(s.node.id), "aws_oam_link").length ? [`${s.account.id}/${s.region}`] : []));
    expect(new Set(links).size).toBe(links.length);
    for (const env of org.environments) {
      const runs = stacks.all.filter((s) => s.environment === env.name && s.account.id !== org.monitoringAccount!.id);
      for (const stack of runs) expect(links).toContain(`${stack.account.id}/${stack.region}`);
    }
    for (const stack of stacks.all.filter((s) => resourcesOf(synthOf(s.node.id), "aws_oam_link").length)) {
      expect(["workload", "network"]).toContain(stack.account.role);
      expect(stack.producers.map((p) => p.node.id)).toContain(`shared-${stack.region}-oam-sink`);
    }
  });

  it("gives the monitoring account one sink per region, open only to the organization and to metrics, logs and traces", () => {
    expect(stacks.monitoringSinks.map((s) => s.region).sort()).toEqual(Object.keys(org.regions).sort());
    for (const sink of stacks.monitoringSinks) {
      expect(sink.account.role).toBe("monitoring");
      const [policy] = Object.values(synthOf(sink.node.id).data!.aws_iam_policy_document) as Body[];
      const conditions = policy.statement[0].condition as Body[];
      expect(conditions).toContainEqual({ test: "StringEquals", variable: "aws:PrincipalOrgID", values: [org.organizationId] });
      expect(conditions).toContainEqual({
        test: "ForAllValues:StringEquals",
        variable: "oam:ResourceTypes",
        values: ["AWS::CloudWatch::Metric", "AWS::Logs::LogGroup", "AWS::XRay::Trace"],
      });
    }
  });

  it("names in composite rules only alarms the same stack synthesizes", () => {
    let composites = 0;
    for (const name of alarmStackNames()) {
      const tf = synthOf(name);
      const names = new Set(resourcesOf(tf, "aws_cloudwatch_metric_alarm").map((a) => a.alarm_name));
      for (const composite of resourcesOf(tf, "aws_cloudwatch_composite_alarm")) {
        const referenced = [...String(composite.alarm_rule).matchAll(/ALARM\("([^"]+)"\)/g)].map((m) => m[1]);
        expect(referenced.length).toBeGreaterThanOrEqual(2);
        for (const r of referenced) expect(names).toContain(r);
        composites++;
      }
    }
    expect(composites).toBeGreaterThan(0);
  });

  it("pages only through composites and alarms that page on their own", () => {
    const paging = new Set(["eks-api-server-errors", "state-bucket-5xx"]);
    for (const name of alarmStackNames()) {
      const tf = synthOf(name);
      for (const alarm of resourcesOf(tf, "aws_cloudwatch_metric_alarm")) {
        const id = String(alarm.alarm_name).replace(/^[a-z]+-[a-z]+-[a-z]+-\d-/, "");
        const pages = [...paging].some((p) => id.startsWith(p));
        expect((alarm.alarm_actions as string[]).length > 0).toBe(pages);
      }
      for (const composite of resourcesOf(tf, "aws_cloudwatch_composite_alarm")) expect(composite.alarm_actions).toHaveLength(1);
    }
  });

  it("encrypts every alarm topic with a key only CloudWatch alarms of its own account may use, and lets only them publish", () => {
    for (const name of alarmStackNames()) {
      const stack = findStack(stacks.all, name);
      const tf = synthOf(name);
      const [topic] = resourcesOf(tf, "aws_sns_topic");
      expect(topic.kms_master_key_id).toMatch(/^\$\{aws_kms_key\..*\.arn\}$/);
      const documents = tf.data!.aws_iam_policy_document as Record<string, Body>;
      const cloudwatchStatements = Object.values(documents).flatMap((d) =>
        (d.statement as Body[]).filter((s) => s.principals?.[0]?.identifiers?.[0] === "cloudwatch.amazonaws.com"),
      );
      expect(cloudwatchStatements.map((s) => s.actions).sort()).toEqual([["kms:Decrypt", "kms:GenerateDataKey"], ["sns:Publish"]]);
      for (const s of cloudwatchStatements) {
        expect(s.condition).toEqual([
          { test: "StringEquals", variable: "aws:SourceAccount", values: [stack.account.id] },
          { test: "ArnLike", variable: "aws:SourceArn", values: [`arn:aws:cloudwatch:${stack.region}:${stack.account.id}:alarm:*`] },
        ]);
      }
    }
  });

  it("takes thresholds from the defaults, the org's overrides and the environment's, in that order", () => {
    const threshold = (stack: string, prefix: string) =>
      resourcesOf(synthOf(stack), "aws_cloudwatch_metric_alarm").find((a) => String(a.alarm_name).startsWith(prefix))!;
    // org-wide override of state-bucket-4xx
    expect(threshold("prod-us-east-1-alarms", "prod-us-east-1-state-bucket-4xx").threshold).toBe(100);
    expect(threshold("prod-us-east-1-alarms", "prod-us-east-1-state-bucket-5xx").threshold).toBe(ALARM_DEFAULTS["state-bucket-5xx"].threshold);
    // dev widens its anomaly band; prod keeps the default
    const band = (stack: string, prefix: string) => (threshold(stack, prefix).metric_query as Body[]).find((q) => q.id === "band")!.expression;
    expect(band("dev-us-east-1-net-alarms", "dev-us-east-1-nat-traffic-anomaly")).toBe("ANOMALY_DETECTION_BAND(bytes, 4)");
    expect(band("prod-us-east-1-net-alarms", "prod-us-east-1-nat-traffic-anomaly")).toBe(
      `ANOMALY_DETECTION_BAND(bytes, ${ALARM_DEFAULTS["nat-traffic-anomaly"].threshold})`,
    );
  });

  it("watches one NAT gateway per gateway, not per AZ ID, and the Transit Gateway attachment by both dimensions", () => {
    const dev = resourcesOf(synthOf("dev-us-east-1-net-alarms"), "aws_cloudwatch_metric_alarm");
    expect(dev.filter((a) => String(a.alarm_name).includes("nat-packet-drops"))).toHaveLength(1);
    const prod = resourcesOf(synthOf("prod-us-east-1-net-alarms"), "aws_cloudwatch_metric_alarm");
    expect(prod.filter((a) => String(a.alarm_name).includes("nat-packet-drops"))).toHaveLength(org.regions["us-east-1"].azIds.length);
    const drops = prod.find((a) => String(a.alarm_name).includes("tgw-attachment-no-route-drops"))!;
    expect(Object.keys(drops.dimensions as Body).sort()).toEqual(["TransitGateway", "TransitGatewayAttachment"]);
  });

  it("draws the environment's dashboard from every account's metrics", () => {
    const [dashboard] = resourcesOf(synthOf("prod-global-dashboard"), "aws_cloudwatch_dashboard");
    // Ids read from the network stacks are interpolations until Terraform resolves them.
    const body = JSON.parse(String(dashboard.dashboard_body).replace(/\$\{[^}]*\}/g, "id")) as { widgets: Body[] };
    const accounts = new Set(body.widgets.flatMap((w) => (w.properties.metrics ?? []).map((line: unknown[]) => (line[line.length - 1] as Body).accountId)));
    expect([...accounts].sort()).toEqual([org.networkAccount.id, org.environments.find((e) => e.name === "prod")!.workloadAccounts[0].id].sort());
  });
});

describe("observability settings", () => {
  it("builds no monitoring, alarm or dashboard stack for an org without observability", () => {
    const input = exampleOrgInput();
    delete input.observability;
    for (const env of Object.values(input.environments)) delete env.observability;
    const stacks = buildTestOrg(resolveOrg(input));
    expect([...stacks.monitoringSinks, ...stacks.alarms, ...stacks.networkAlarms, ...stacks.dashboards]).toHaveLength(0);
  });
});
