import type { AlarmSubject } from "./alarm-catalog";

/** One resource the alarms of its subject watch, with the values its metrics' dimensions take. */
export interface WatchedResource {
  readonly subject: AlarmSubject;
  /** Distinguishes resources of one subject in alarm names and widget titles, e.g. "spot-first" or "use1-az1". */
  readonly label: string;
  /** Values the catalog's dimension mappings name, e.g. { queueName: "dev-us-east-1-karpenter" }. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Account whose metrics these are (dashboards in the monitoring account read them through OAM). */
  readonly accountId: string;
  readonly region: string;
}
