import { z } from "zod";
import { orgSchema } from "../../../environments/schema";
import { code, generatedHeader, prose, table } from "./markdown";
import { fieldSetKey, type PropertyDocs } from "./schema-docs";

/** The parts of a JSON Schema (draft 2020-12, as zod writes it) the reference reads. */
interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly items?: JsonSchema;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly default?: unknown;
  readonly description?: string;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly minimum?: number;
  readonly maximum?: number;
}

/** One field of the org file, as the reference lists it. */
export interface ConfigField {
  /** Dotted path; `<name>` stands for a key the org file chooses, `[]` for each list entry. */
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  /** JSON of the default, when the field has one. */
  readonly default?: string;
  readonly description?: string;
}

function typeOf(node: JsonSchema): string {
  const options = node.anyOf ?? node.oneOf;
  if (options) return options.map(typeOf).join(" | ");
  if (node.enum) return node.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (node.const !== undefined) return JSON.stringify(node.const);
  const type = typeof node.type === "string" ? node.type : node.type?.join(" | ");
  if (type === "array") {
    const item = node.items ? typeOf(node.items) : "unknown";
    return item.includes(" | ") ? `(${item})[]` : `${item}[]`;
  }
  if (type === "object") {
    if (node.properties) return "object";
    if (typeof node.additionalProperties === "object") return `map of ${typeOf(node.additionalProperties)}`;
    return "object";
  }
  if (type === "integer" || type === "number") return `${type}${range(node)}`;
  return type ?? "any";
}

/** " 1–10", " ≥ 128", or nothing; zod states an unbounded integer as the safe-integer limits. */
function range(node: JsonSchema): string {
  const min = node.minimum !== undefined && node.minimum > Number.MIN_SAFE_INTEGER ? node.minimum : undefined;
  const max = node.maximum !== undefined && node.maximum < Number.MAX_SAFE_INTEGER ? node.maximum : undefined;
  if (min !== undefined && max !== undefined) return ` ${min}–${max}`;
  if (min !== undefined) return ` ≥ ${min}`;
  if (max !== undefined) return ` ≤ ${max}`;
  return "";
}

/** `<environment>` for a key of `environments`: what the key names. */
function keyPlaceholder(mapName: string): string {
  return `<${mapName.replace(/ies$/, "y").replace(/s$/, "")}>`;
}

function renderDefault(node: JsonSchema): string | undefined {
  if (node.default === undefined) return undefined;
  const json = JSON.stringify(node.default);
  // An object's default repeats its fields' defaults, listed on their own rows.
  return node.properties && json.length > 40 ? "its fields' defaults" : json;
}

/**
 * Every field of the org file, depth first in schema order. Descriptions come from the schema
 * (`.describe()`/`.meta()`), else from the `/** *\/` comment on the field in the source.
 */
export function configFields(schema: JsonSchema, docs: ReadonlyMap<string, PropertyDocs>): ConfigField[] {
  const fields: ConfigField[] = [];
  const walkObject = (node: JsonSchema, path: string): void => {
    const properties = node.properties ?? {};
    const sourceDocs = docs.get(fieldSetKey(Object.keys(properties))) ?? {};
    for (const [name, child] of Object.entries(properties)) {
      const fieldPath = path ? `${path}.${name}` : name;
      fields.push({
        path: fieldPath,
        type: typeOf(child),
        required: node.required?.includes(name) ?? false,
        default: renderDefault(child),
        description: child.description ?? sourceDocs[name],
      });
      descend(child, fieldPath, name);
    }
  };
  const descend = (node: JsonSchema, path: string, name: string): void => {
    for (const option of node.anyOf ?? node.oneOf ?? []) descend(option, path, name);
    if (node.properties) walkObject(node, path);
    else if (typeof node.additionalProperties === "object") descend(node.additionalProperties, `${path}.${keyPlaceholder(name)}`, name);
    else if (node.items) descend(node.items, `${path}[]`, name);
  };
  walkObject(schema, "");
  return fields;
}

/** The org file's JSON Schema as editors get it (the input side: fields with defaults are optional). */
export function orgFileJsonSchema(): JsonSchema {
  return z.toJSONSchema(orgSchema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

export function configReference(fields: readonly ConfigField[]): string {
  return [
    generatedHeader("Org file fields", "the zod schema, `environments/schema.ts`"),
    "",
    "Every field of an org file (`examples/org.yaml` is a complete one), with its type, whether it is",
    "required, its default and what it means. A name in angle brackets (`<environment>`, `<region>`,",
    "`<nodePool>`) stands for a key you choose, `[]` for each entry of a list. Rules across fields (overlaps, references,",
    "what AWS offers) are listed in [../configuration.md](../configuration.md).",
    "",
    table(
      ["field", "type", "required", "default", "description"],
      fields.map((f) => [code(f.path), code(f.type), f.required ? "yes" : "", f.default === undefined ? "" : code(f.default), prose(f.description ?? "")]),
    ),
    "",
  ].join("\n");
}
