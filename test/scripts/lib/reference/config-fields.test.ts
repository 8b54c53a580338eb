import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { configFields, orgFileJsonSchema } from "../../../../scripts/lib/reference/config-fields";
import { objectSchemaDocs } from "../../../../scripts/lib/reference/schema-docs";

const ROOT = join(__dirname, "..", "..", "..", "..");

function source(path: string) {
  return { path, text: readFileSync(join(ROOT, path), "utf8") };
}

/** A schema part as another change would add it: documented the house way, nothing else touched. */
const retentionSchema = z
  .object({
    /** Days the tier keeps its log events. */
    retentionDays: z.number().int().min(1).max(3653).default(30),
    /** Log tiers by name. */
    tiers: z.record(z.string(), z.object({ /** KMS key alias of the tier. */ keyAlias: z.string() }).strict()),
    /** Ignored: the schema's own description wins. */
    owner: z.string().describe("Team that reads the logs."),
  })
  .strict();

describe("config field reference", () => {
  const fields = configFields(orgFileJsonSchema(), objectSchemaDocs([source("environments/schema.ts"), source("planning/aws-facts.ts")]));
  const field = (path: string) => fields.find((f) => f.path === path);

  it("gives every field of the org file a description (document a new field with a /** */ comment in its z.object)", () => {
    expect(fields.length).toBeGreaterThan(100);
    expect(fields.filter((f) => !f.description).map((f) => f.path)).toEqual([]);
  });

  it("states type, requirement and default as the schema does", () => {
    expect(field("name")).toMatchObject({ type: "string", required: true, default: undefined });
    expect(field("environments.<environment>.natGateways")).toMatchObject({ type: '"one-per-az" | "single"', required: false, default: '"one-per-az"' });
    expect(field("environments.<environment>.batch.jobDefinitions.<jobDefinition>.retryAttempts")).toMatchObject({ type: "integer 1–10", default: "3" });
    expect(field("environments.<environment>.eks.nodePools.<nodePool>.capacityTypes")).toMatchObject({
      type: '("spot" | "on-demand")[]',
      default: '["spot","on-demand"]',
    });
    expect(field("accounts[].id")).toMatchObject({ type: "string", required: true, description: "12-digit AWS account id, quoted so leading zeros survive." });
  });

  it("documents a tier layout used four times under each tier's path", () => {
    for (const tier of ["public", "private", "data", "transit"]) {
      expect(field(`environments.<environment>.regions.<region>.subnets.${tier}.prefixLength`)?.description).toMatch(/^Size of each subnet of the tier/);
    }
  });

  it("picks up a new schema part and its comments with no change to the generator; .describe() wins over a comment", () => {
    const added = configFields(
      z.toJSONSchema(retentionSchema, { io: "input" }) as Parameters<typeof configFields>[0],
      objectSchemaDocs([{ path: __filename, text: readFileSync(__filename, "utf8") }]),
    );
    expect(added).toEqual([
      { path: "retentionDays", type: "integer 1–3653", required: false, default: "30", description: "Days the tier keeps its log events." },
      { path: "tiers", type: "map of object", required: true, default: undefined, description: "Log tiers by name." },
      { path: "tiers.<tier>.keyAlias", type: "string", required: true, default: undefined, description: "KMS key alias of the tier." },
      { path: "owner", type: "string", required: true, default: undefined, description: "Team that reads the logs." },
    ]);
  });
});
