import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exampleOrg } from "../../environments/example-org";
import { loadOrgFile } from "../../environments/load";
import { EXAMPLE_ACCOUNT_IDS, loadConfiguredOrg, orgFileSetting, OrgSettingError } from "../../environments/org-setting";
import { exampleOrgModel } from "../support/synth";

const ROOT = join(__dirname, "..", "..");

describe("the org file setting", () => {
  const work = mkdtempSync(join(tmpdir(), "orgplat-setting-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const project = (setting?: unknown) => {
    const dir = mkdtempSync(join(work, "project-"));
    if (setting !== undefined) writeFileSync(join(dir, "orgplat.json"), typeof setting === "string" ? setting : JSON.stringify(setting));
    return dir;
  };

  it("is committed at the project root, pointing at the example org the README's first command synthesizes", () => {
    expect(JSON.parse(readFileSync(join(ROOT, "orgplat.json"), "utf8")).org).toBe("examples/org.yaml");
    expect(orgFileSetting({}, ROOT)).toEqual({ path: join(ROOT, "examples", "org.yaml"), from: join(ROOT, "orgplat.json") });
    expect(loadConfiguredOrg({}, ROOT)).toEqual(exampleOrgModel());
  });

  it("reads the path relative to orgplat.json, and ORGPLAT_ORG overrides it", () => {
    const dir = project({ org: "config/acme.yaml" });
    expect(orgFileSetting({}, dir).path).toBe(join(dir, "config", "acme.yaml"));
    expect(orgFileSetting({ ORGPLAT_ORG: "other.json" }, dir)).toEqual({ path: join(dir, "other.json"), from: "ORGPLAT_ORG" });
    expect(orgFileSetting({ ORGPLAT_ORG: "/abs/org.yaml" }, dir).path).toBe("/abs/org.yaml");
  });

  it.each([
    ["missing", undefined, "does not exist"],
    ["empty", { org: "" }, 'has no "org"'],
    ["without org", { other: 1 }, 'has no "org"'],
    ["not JSON", "{org:", "is not valid JSON"],
  ])("is an error naming both ways to set it when %s", (_case, setting, detail) => {
    const dir = project(setting);
    const error = (() => {
      try {
        orgFileSetting({ ORGPLAT_ORG: "" }, dir);
      } catch (e) {
        return e as Error;
      }
      throw new Error("expected an OrgSettingError");
    })();
    expect(error).toBeInstanceOf(OrgSettingError);
    expect(error.message).toContain(detail);
    expect(error.message).toContain('orgplat.json at the project root, {"org": "my-org.yaml"}');
    expect(error.message).toContain("ORGPLAT_ORG=./my-org.yaml npm run synth");
  });

  it("treats the example's account ids as fake", () => {
    expect([...EXAMPLE_ACCOUNT_IDS].sort()).toEqual(exampleOrg.accounts.map((a) => a.id).sort());
  });

  it("examples/org.yaml is the TypeScript example org, field for field", () => {
    mkdirSync(join(work, "copy"), { recursive: true });
    expect(loadOrgFile(join(ROOT, "examples", "org.yaml"))).toEqual(exampleOrgModel());
  });
});
