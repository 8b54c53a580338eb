import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { exampleOrg } from "../../environments/example-org";
import { exampleOrgYaml, orgJsonSchema } from "../../scripts/lib/org-files";
import { runOrgFiles } from "../../scripts/org-files";
import { capturedIo } from "./fixtures/example-synth";

const ROOT = join(__dirname, "..", "..");
const committed = (path: string) => readFileSync(join(ROOT, path), "utf8");

function filesIo(files: Record<string, string>) {
  const written: Record<string, string> = {};
  return Object.assign(capturedIo(), {
    written,
    readFile: (path: string) => files[path],
    writeFile: (path: string, text: string) => void (written[path] = text),
  });
}

describe("org files for newcomers", () => {
  it("the committed examples/org.yaml equals the TypeScript example (run `npm run org-files` after changing it)", () => {
    expect(committed("examples/org.yaml")).toBe(exampleOrgYaml());
    expect(parse(committed("examples/org.yaml"))).toEqual(exampleOrg);
  });

  it("the committed JSON Schema is the one generated from the zod schema (run `npm run org-files`)", () => {
    expect(committed("examples/org.schema.json")).toBe(orgJsonSchema());
  });

  it("the JSON Schema knows every top-level field, the account roles, and refuses unknown fields", () => {
    const schema = JSON.parse(orgJsonSchema()) as {
      properties: Record<string, { items?: { properties?: Record<string, { enum?: string[] }> } }>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["name", "accounts", "regions", "environments", "stateRegion"]));
    expect(schema.properties.accounts.items?.properties?.role.enum).toEqual([
      "management",
      "network",
      "workload",
      "shared-services",
      "log-archive",
      "monitoring",
    ]);
    expect(schema.required).toEqual(expect.arrayContaining(["name", "accounts", "environments"]));
    expect(schema.additionalProperties).toBe(false);
  });

  it("--check exits 1 naming a stale file and writes nothing; without it writes only what changed", () => {
    const stale = filesIo({ "examples/org.schema.json": orgJsonSchema(), "examples/org.yaml": "old" });
    expect(runOrgFiles(["--check"], stale)).toBe(1);
    expect(stale.stderr).toContain("examples/org.yaml is stale; run `npm run org-files`");
    expect(stale.written).toEqual({});
    const io = filesIo({ "examples/org.schema.json": orgJsonSchema(), "examples/org.yaml": "old" });
    expect(runOrgFiles([], io)).toBe(0);
    expect(io.written).toEqual({ "examples/org.yaml": exampleOrgYaml() });
  });

  it("keeps the CLI contract: --help 0, an unknown flag 64", () => {
    expect(runOrgFiles(["--help"], filesIo({}))).toBe(0);
    expect(runOrgFiles(["--write"], filesIo({}))).toBe(64);
  });
});
