import { z } from "zod";
import { exampleOrg } from "../../environments/example-org";
import { orgSchema } from "../../environments/schema";

/** Where the generated org-file helpers live, relative to the project root. */
export const EXAMPLE_ORG_YAML = "examples/org.yaml";
export const ORG_JSON_SCHEMA = "examples/org.schema.json";

/**
 * JSON Schema of an org file, generated from the zod schema (the input side: defaults optional),
 * so editors complete and check org files. Cross-field rules (overlaps, references) stay with the loader.
 */
export function orgJsonSchema(): string {
  const schema = z.toJSONSchema(orgSchema, { io: "input", unrepresentable: "any" });
  return `${JSON.stringify({ ...schema, title: "orgplat org file", description: "An organization for orgplat; validated in full by `npm run synth`." }, null, 2)}\n`;
}

/** The bundled example org as YAML, with the schema hint YAML editors (yaml-language-server) read. */
export function exampleOrgYaml(): string {
  const { stringify } = require("yaml") as typeof import("yaml");
  return [
    "# yaml-language-server: $schema=./org.schema.json",
    "# The bundled example organization (generated from environments/example-org.ts by `npm run org-files`).",
    "# Its account ids are fake: it synthesizes anywhere, but plans and applies only against an emulator.",
    '# Copy it, put in your accounts, and point orgplat.json\'s "org" (or ORGPLAT_ORG) at the copy.',
    stringify(exampleOrg, { lineWidth: 0 }),
  ].join("\n");
}
