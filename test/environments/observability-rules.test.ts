import { ALARM_DEFAULTS } from "../../planning/alarm-defaults";
import { resolveOrg } from "../../environments/load";
import { configProblemsOf } from "../support/config-problems";
import { exampleOrgInput } from "../support/synth";

describe("observability config validation", () => {
  it("asks for a monitoring account, naming the field, when alarms are configured without one", () => {
    const problems = configProblemsOf((org) => {
      org.accounts = org.accounts.filter((a) => a.role !== "monitoring");
    });
    expect(problems).toEqual([
      'observability.alarms: alarms are configured but no account has role "monitoring": add one to accounts, e.g. { id: "888888888888", name: "monitoring", role: "monitoring", ou: "security" }, or remove observability.alarms',
    ]);
  });

  it("refuses a second monitoring account", () => {
    const problems = configProblemsOf((org) => {
      org.accounts.push({ id: "999999999999", name: "monitoring-b", role: "monitoring", ou: "security" });
    });
    expect(problems).toEqual([
      'accounts: at most one account may have role "monitoring" (it holds the sink every account links to); found 2: "monitoring", "monitoring-b"',
    ]);
  });

  it("refuses an environment's alarm overrides when the org configures no alarms", () => {
    const problems = configProblemsOf((org) => {
      delete org.observability!.alarms;
    });
    expect(problems).toEqual([
      "environments.dev.observability: overrides alarms that are not configured: add observability.alarms at org level (it may be empty, {}), or remove this environment's alarms and subscriptions",
    ]);
  });

  it("refuses an alarm id the catalog does not know, and a period that is not whole minutes", () => {
    const problems = configProblemsOf((org) => {
      org.observability = { alarms: { "batch-failed-job": { threshold: 2 }, "nat-packet-drops": { periodSeconds: 90 } } as never };
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^observability\.alarms/),
        "observability.alarms.nat-packet-drops.periodSeconds: must be 60 or a multiple of 60 seconds, e.g. 300",
      ]),
    );
  });

  it("merges thresholds field by field: environment over org over default", () => {
    const input = exampleOrgInput();
    input.observability!.alarms = { "nat-packet-drops": { threshold: 500, evaluationPeriods: 4 } };
    input.environments.prod.observability = { alarms: { "nat-packet-drops": { threshold: 50 } } };
    const org = resolveOrg(input);
    const thresholds = (name: string) => org.environments.find((e) => e.name === name)!.observability!.thresholds;
    expect(thresholds("prod")["nat-packet-drops"]).toEqual({
      threshold: 50,
      evaluationPeriods: 4,
      periodSeconds: ALARM_DEFAULTS["nat-packet-drops"].periodSeconds,
    });
    expect(thresholds("staging")["nat-packet-drops"]).toEqual({
      threshold: 500,
      evaluationPeriods: 4,
      periodSeconds: ALARM_DEFAULTS["nat-packet-drops"].periodSeconds,
    });
    expect(thresholds("staging")["batch-failed-jobs"]).toEqual(ALARM_DEFAULTS["batch-failed-jobs"]);
  });

  it("takes an environment's subscriptions instead of the org's, and the org's when it names none", () => {
    const org = resolveOrg(exampleOrgInput());
    const subscriptions = (name: string) => org.environments.find((e) => e.name === name)!.observability!.subscriptions;
    expect(subscriptions("dev")).toEqual([]);
    expect(subscriptions("prod")).toEqual([{ protocol: "email", endpoint: "platform-oncall@example.com" }]);
  });
});
