/**
 * The reference pages under docs/reference/, generated from the code by `npm run docs`.
 *
 * The moto gaps are read from test/e2e/moto-gaps.ts, the one declaration the end-to-end harness
 * runs by. It stays beside the tests it governs (each entry is edited together with the e2e that
 * proves it); this generator only reads its data, which imports nothing of the test framework.
 */
import { join } from "node:path";
import { readdirSync, readFileSync } from "node:fs";
import { exampleOrg } from "../../../environments/example-org";
import { resolveOrg } from "../../../environments/load";
import { GUARDRAIL_RULES } from "../../../modules/guardrails/rules";
import { MOTO_GAPS } from "../../../test/e2e/moto-gaps";
import { orgJsonSchema } from "../org-files";
import { configFields, configReference } from "./config-fields";
import { guardrailRulesReference } from "./guardrail-rules";
import { motoGapsReference } from "./moto-gaps";
import { objectSchemaDocs } from "./schema-docs";
import { stackOutputs, stackOutputsReference } from "./stack-outputs";

export const REFERENCE_DIR = "docs/reference";

/** One generated page: its path relative to the project root and its full text. */
export interface ReferencePage {
  readonly path: string;
  readonly text: string;
}

/** Product folders whose TypeScript may declare parts of the org file's schema. */
const PRODUCT_DIRS = ["environments", "modules", "stacks"];

/**
 * The product's TypeScript sources that declare zod objects, where the schema's fields carry their
 * `/** *\/` documentation. Read from every product folder, so a schema part that moves keeps its docs.
 */
function schemaSources(root: string): { path: string; text: string }[] {
  return PRODUCT_DIRS.flatMap((dir) =>
    (readdirSync(join(root, dir), { recursive: true, encoding: "utf8" }) as string[])
      .filter((f) => f.endsWith(".ts"))
      .sort()
      .map((f) => ({ path: `${dir}/${f}`, text: readFileSync(join(root, dir, f), "utf8") }))
      .filter((source) => /\bz\s*\.\s*(object|strictObject|looseObject)\(/.test(source.text)),
  );
}

/** Every reference page as the code says it should read now. */
export function referencePages(root: string): ReferencePage[] {
  const schema = JSON.parse(orgJsonSchema());
  return [
    { path: `${REFERENCE_DIR}/config.md`, text: configReference(configFields(schema, objectSchemaDocs(schemaSources(root)))) },
    { path: `${REFERENCE_DIR}/guardrails.md`, text: guardrailRulesReference(GUARDRAIL_RULES) },
    { path: `${REFERENCE_DIR}/stack-outputs.md`, text: stackOutputsReference(stackOutputs(resolveOrg(structuredClone(exampleOrg), "example org"))) },
    { path: `${REFERENCE_DIR}/moto-gaps.md`, text: motoGapsReference(MOTO_GAPS) },
  ];
}
