import type { z } from "zod";
import type { ConfigProblem } from "./problems";
import { crossFieldProblems } from "./rules";
import { has } from "./rule-helpers";
import { orgSchema, RETIRED_RETENTION_FIELDS, type OrgConfig } from "./schema";

/** What validating an org file found: the parsed org when it is valid, else every problem. */
export type Validation =
  { readonly org: OrgConfig; readonly problems: readonly [] } | { readonly org?: undefined; readonly problems: readonly ConfigProblem[] };

const REQUIRED_FIELDS = "name, owner, organizationId, stateRegion, organizationalUnits, accounts, regions and environments";

/**
 * Schema and cross-field problems in one round: when the schema rejects some entries, the
 * cross-field rules still run on the entries that parsed (see `salvage`).
 * @param today "YYYY-MM-DD" the EKS versions on offer are judged by (tests pin it)
 */
export function validateOrg(input: unknown, today?: string): Validation {
  if (input === null || input === undefined) {
    return {
      problems: [
        { path: "", message: `the file is empty (or holds only comments); an org file needs ${REQUIRED_FIELDS}: start from environments/example-org.ts` },
      ],
    };
  }
  if (typeof input !== "object" || Array.isArray(input)) {
    const what = Array.isArray(input) ? "a list" : `a ${typeof input} (${(typeof input === "string" ? JSON.stringify(input) : String(input)).slice(0, 40)})`;
    return {
      problems: [
        { path: "", message: `the file holds ${what}; an org file is one mapping of fields (${REQUIRED_FIELDS}): start from environments/example-org.ts` },
      ],
    };
  }
  const reserved = reservedKeyProblems(input);
  const parsed = orgSchema.safeParse(input, { reportInput: true });
  if (parsed.success) {
    const problems = [...reserved, ...crossFieldProblems(parsed.data, today)];
    return problems.length ? { problems } : { org: parsed.data, problems: [] };
  }
  const schemaProblems = parsed.error.issues.flatMap(toProblems);
  const partial = salvage(input as Record<string, unknown>);
  const crossField = partial
    ? crossFieldProblems(partial.org, today)
        .map(partial.restorePath)
        .filter((p) => !partial.touchesDropped(p))
    : [];
  return { problems: [...reserved, ...schemaProblems, ...crossField] };
}

/**
 * JSON and YAML both read a "__proto__" key as an own field, but every record in the model
 * drops it silently (an object cannot hold it as plain data), so the entry would vanish.
 */
function reservedKeyProblems(input: object): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const seen = new Set<object>();
  const walk = (value: unknown, path: string): void => {
    if (typeof value !== "object" || value === null || seen.has(value)) return;
    seen.add(value);
    for (const key of Object.keys(value)) {
      const at = path ? `${path}.${key}` : key;
      if (key === "__proto__")
        problems.push({ path: at, message: `"__proto__" cannot be a name in an org file (JavaScript reserves it, so the entry would be lost); rename it` });
      else walk((value as Record<string, unknown>)[key], at);
    }
  };
  walk(input, "");
  return problems;
}

function toProblems(issue: z.core.$ZodIssue): ConfigProblem[] {
  const path = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys" && issue.path[0] === "environments") {
    const retired = issue.keys.filter((k) => has(RETIRED_RETENTION_FIELDS, k));
    const others = issue.keys.filter((k) => !retired.includes(k));
    return [
      ...retired.map((key) => ({ path: `${path}.${key}`, message: retiredFieldMessage(key, issue.path.slice(0, 2).map(String).join(".")) })),
      ...(others.length ? [{ path, message: unknownKeysMessage(others) }] : []),
    ];
  }
  return [{ path, message: messageOf(issue, path) }];
}

/** Day 2: an org file written before the retention tiers names the field that replaced its old one. */
function retiredFieldMessage(key: string, environmentPath: string): string {
  const { tier, logs } = RETIRED_RETENTION_FIELDS[key];
  return (
    `"${key}" was replaced by log retention tiers (${logs} are the ${tier} tier): delete it and set its days as ` +
    `${environmentPath}.observability.logRetention.${tier}, or leave that out to keep the org's observability.logRetention.${tier}`
  );
}

function messageOf(issue: z.core.$ZodIssue, path: string): string {
  switch (issue.code) {
    case "invalid_value":
      return issue.message.replace(/^Invalid option: expected one of /, "must be one of ");
    case "unrecognized_keys":
      return unknownKeysMessage(issue.keys);
    case "invalid_type":
      return invalidTypeMessage(issue.expected, issue.input, path);
    case "too_small":
      if (issue.origin === "string" && issue.minimum === 1) return "must not be empty";
      return issue.message;
    default:
      return issue.message;
  }
}

function unknownKeysMessage(keys: readonly string[]): string {
  if (keys.includes("<<")) {
    return `"<<" (a YAML merge key) is read as a field here; org files are read with merge keys enabled, so write "<<: *anchor" with an anchor defined earlier in the file, or copy the fields in`;
  }
  return `unknown field(s) ${keys.map((k) => `"${k}"`).join(", ")}; check the spelling against environments/schema.ts`;
}

/** How a value of a schema type is called in the org file. */
function kindOf(expected: string): string {
  if (expected === "object" || expected === "record") return "a mapping of fields";
  return expected === "array" ? "a list" : `a ${expected}`;
}

function invalidTypeMessage(expected: string, input: unknown, path: string): string {
  if (input === undefined) return `is missing; add it (${kindOf(expected)}, see environments/example-org.ts)`;
  const received = input === null ? "empty" : Array.isArray(input) ? "a list" : `a ${typeof input}`;
  if (expected === "string" && typeof input === "number") {
    if (/^accounts\.\d+\.id$/.test(path)) {
      return `is the number ${input}: YAML and JSON read unquoted digits as a number and drop leading zeros; write the 12-digit account id in quotes exactly as AWS shows it, e.g. id: "012345678901"`;
    }
    return `is the number ${input}: YAML and JSON read unquoted digits as a number (1.30 becomes 1.3, 0123 becomes 123); write the value in quotes exactly as meant, e.g. "1.30"`;
  }
  if (expected === "number" && typeof input === "string" && input.trim() !== "" && Number.isFinite(Number(input))) {
    return `is the text "${input}"; write it without quotes (${input.trim()}) so it is read as a number`;
  }
  return `must be ${kindOf(expected)}, but is ${received}`;
}

/** The valid parts of an org file that failed the schema, for the cross-field rules. */
interface Salvaged {
  readonly org: OrgConfig;
  /** True for a cross-field problem that only a dropped entry could explain (or that concerns one). */
  touchesDropped(problem: ConfigProblem): boolean;
  /** Maps "accounts.N" of the compacted account list back to the file's index. */
  restorePath(problem: ConfigProblem): ConfigProblem;
}

const RECORD_FIELDS = ["organizationalUnits", "regions", "environments"] as const;

/**
 * Each top-level field, each account and each entry of the records is parsed on its own; what
 * fails is dropped. Cross-field problems that concern a dropped entry, or name it, are left out:
 * they would be guesses until the schema problem is fixed. Without the containers themselves
 * (accounts as a list, the records as mappings) there is nothing to salvage.
 */
function salvage(input: Record<string, unknown>): Salvaged | undefined {
  const shape = orgSchema.shape;
  const dropped: string[] = [];
  /** Text that marks a message as being about a dropped entry: its quoted name. */
  const mentions: string[] = [];
  const org: Record<string, unknown> = {};
  for (const field of Object.keys(shape) as (keyof typeof shape)[]) {
    if (field === "accounts" || (RECORD_FIELDS as readonly string[]).includes(field)) continue;
    const parsed = shape[field].safeParse(input[field]);
    if (parsed.success) org[field] = parsed.data;
    else dropped.push(field);
  }
  if (dropped.includes("awsFacts")) mentions.push("awsFacts");
  if (dropped.includes("eniLimits")) mentions.push("eniLimits");
  for (const field of RECORD_FIELDS) {
    const entries = input[field];
    if (typeof entries !== "object" || entries === null || Array.isArray(entries)) return undefined;
    const valueSchema = shape[field].valueType;
    const kept: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(entries)) {
      const parsed = valueSchema.safeParse(value);
      if (parsed.success && name !== "__proto__") kept[name] = parsed.data;
      else {
        dropped.push(`${field}.${name}`);
        mentions.push(`"${name}"`);
      }
    }
    org[field] = kept;
  }
  if (!Array.isArray(input.accounts)) return undefined;
  const fileIndex: number[] = [];
  const accounts: unknown[] = [];
  input.accounts.forEach((account, i) => {
    const parsed = shape.accounts.element.safeParse(account);
    if (parsed.success) {
      fileIndex.push(i);
      accounts.push(parsed.data);
    } else {
      dropped.push(`accounts.${i}`);
      const name = (account as { name?: unknown } | null)?.name;
      if (typeof name === "string") mentions.push(`"${name}"`);
    }
  });
  org.accounts = accounts;
  const within = (path: string, root: string): boolean => path === root || path.startsWith(`${root}.`);
  return {
    org: org as OrgConfig,
    touchesDropped: (p) => dropped.some((d) => within(p.path, d) || within(d, p.path)) || mentions.some((text) => p.message.includes(text)),
    restorePath: (p) => {
      const match = /^accounts\.(\d+)(.*)$/.exec(p.path);
      return match && has(fileIndex, match[1]) ? { ...p, path: `accounts.${fileIndex[Number(match[1])]}${match[2]}` } : p;
    },
  };
}
