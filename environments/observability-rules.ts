import type { ConfigProblem } from "./problems";
import { list } from "./rule-helpers";
import type { OrgConfig } from "./schema";

/**
 * The monitoring account: at most one (it holds the sink every account links to), and one whenever
 * alarms are configured, since the dashboards live there and every account links to its sink.
 */
export function observabilityProblems(org: OrgConfig): ConfigProblem[] {
  const monitoring = (org.accounts ?? []).filter((a) => a.role === "monitoring");
  const problems: ConfigProblem[] = [];
  if (monitoring.length > 1) {
    problems.push({
      path: "accounts",
      message: `at most one account may have role "monitoring" (it holds the sink every account links to); found ${monitoring.length}: ${list(monitoring.map((a) => a.name))}`,
    });
  }
  if (org.observability?.alarms && monitoring.length === 0) {
    problems.push({
      path: "observability.alarms",
      message:
        'alarms are configured but no account has role "monitoring": add one to accounts, e.g. { id: "888888888888", name: "monitoring", role: "monitoring", ou: "security" }, or remove observability.alarms',
    });
  }
  for (const [envName, env] of Object.entries(org.environments ?? {})) {
    const overridesAlarms = env.observability?.alarms !== undefined || env.observability?.subscriptions !== undefined;
    // An org-level section that failed the schema is reported there; only a parsed one without alarms is refused here.
    if (overridesAlarms && org.observability && !org.observability.alarms) {
      problems.push({
        path: `environments.${envName}.observability`,
        message:
          "overrides alarms that are not configured: add observability.alarms at org level (it may be empty, {}), or remove this environment's alarms and subscriptions",
      });
    }
  }
  return problems;
}
