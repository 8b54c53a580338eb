import { readFileSync } from "node:fs";
import { join } from "node:path";
import { resolveOrg } from "../../environments/load";
import type { OrgModel } from "../../planning/model";
import { accountIdFromFileName, parseZoneFile, runAzMap } from "../../scripts/az-map";
import { exampleOrgInput, exampleOrgModel } from "../support/synth";

const FIXTURES = join(__dirname, "..", "fixtures", "az-map");
const fixture = (name: string) => join(FIXTURES, name);

/** Runs the command on fixture files; returns exit code and what it printed. */
function azMap(args: readonly string[], org: OrgModel = exampleOrgModel()) {
  let out = "";
  let err = "";
  const code = runAzMap(args, {
    readFile: (path) => readFileSync(path, "utf8"),
    out: (text) => (out += `${text}\n`),
    err: (text) => (err += `${text}\n`),
    loadOrg: () => org,
  });
  return { code, out, err };
}

describe("az-map", () => {
  it("takes the account id from the file name", () => {
    expect(accountIdFromFileName("/tmp/zones/222222222222-us-east-1.json")).toBe("222222222222");
    expect(accountIdFromFileName("network_555555555555.json")).toBe("555555555555");
    expect(accountIdFromFileName("us-east-1.json")).toBeUndefined();
  });

  it("reads real describe-availability-zones output, skipping Local Zones", () => {
    const file = fixture("222222222222-us-east-1.json");
    const zones = parseZoneFile(file, readFileSync(file, "utf8"));
    expect(zones).toMatchObject({ accountId: "222222222222", region: "us-east-1" });
    expect(zones.nameById).toEqual({
      "use1-az6": "us-east-1a",
      "use1-az1": "us-east-1b",
      "use1-az2": "us-east-1c",
      "use1-az4": "us-east-1d",
      "use1-az3": "us-east-1e",
      "use1-az5": "us-east-1f",
    });
  });

  it("prints per region the AZ ID to AZ name table of every account side by side, configured IDs marked", () => {
    const { code, out } = azMap([fixture("222222222222-eu-west-1.json"), fixture("555555555555-eu-west-1.json")]);
    expect(code).toBe(0);
    expect(out).toContain(
      [
        "eu-west-1",
        "  AZ ID       222222222222 (network)  555555555555 (workload-dev)",
        "  euw1-az1 *  eu-west-1b              eu-west-1a",
        "  euw1-az2 *  eu-west-1c              eu-west-1b",
        "  euw1-az3 *  eu-west-1a              eu-west-1c",
      ].join("\n"),
    );
    expect(out).toContain("note: no file for us-east-1; its AZ IDs were not checked");
  });

  it("shows a dash where an account lacks a zone, and is quiet while the config does not use it", () => {
    const { code, out } = azMap([fixture("222222222222-us-east-1.json"), fixture("555555555555-us-east-1.json")]);
    expect(out).toMatch(/ {2}use1-az3 {4}us-east-1e {14}-\n/);
    expect([code, out.includes("MISSING")]).toEqual([0, false]);
  });

  it("flags every configured AZ ID an account does not have, and exits 1", () => {
    const input = exampleOrgInput();
    input.regions["us-east-1"].azIds = ["use1-az1", "use1-az2", "use1-az3"];
    const { code, out } = azMap([fixture("222222222222-us-east-1.json"), fixture("555555555555-us-east-1.json")], resolveOrg(input));
    expect(code).toBe(1);
    expect(out).toContain(`MISSING use1-az3 (configured for us-east-1) in account 555555555555 (workload-dev), per ${fixture("555555555555-us-east-1.json")}`);
    expect(out.match(/MISSING/g)).toHaveLength(1);
  });

  it("takes the account id from --account for a file whose name has none", () => {
    const { code, out } = azMap(["--account", "444444444444", fixture("bad/zones-without-account.json")]);
    expect(code).toBe(0);
    expect(out).toContain("AZ ID       444444444444 (log-archive)");
  });

  it.each([
    ["bad/zones-without-account.json", [], 'no account id: name the file like "222222222222-us-east-1.json" or pass --account <id> before it'],
    ["bad/222222222222-truncated.json", [], "not JSON ("],
    ["bad/222222222222-regions.json", [], 'no "AvailabilityZones" list: this is not describe-availability-zones output'],
    ["bad/555555555555-mismatched.json", [], "AvailabilityZones[1]: zone ID euw1-az1 does not belong to region us-east-1"],
    ["bad/555555555555-mixed.json", [], "mixes regions us-east-1, eu-west-1; save one file per account and region"],
    ["222222222222-us-east-1.json", ["--account", "555555555555"], "--account 555555555555 disagrees with the account id 222222222222 in the file name"],
    ["no-such-file.json", ["--account", "555555555555"], "cannot read the file (ENOENT)"],
  ])("refuses %s with an error that names the file", (name, before, message) => {
    const { code, err } = azMap([...before, fixture(name)]);
    expect(code).toBe(1);
    expect(err).toContain(`${fixture(name)}: ${message}`);
  });

  it("refuses two files for one account and region, naming both", () => {
    const file = fixture("222222222222-eu-west-1.json");
    const { code, err } = azMap([file, "--account", "222222222222", fixture("bad/zones-without-account.json")]);
    expect(code).toBe(1);
    expect(err).toContain(`is a second file for account 222222222222 in eu-west-1 (the first is ${file})`);
  });

  it("explains its usage when called wrong, exit 64", () => {
    expect(azMap([])).toMatchObject({ code: 64, err: expect.stringContaining("name at least one describe-availability-zones file\nusage: npm run az-map --") });
    expect(azMap(["--bogus"])).toMatchObject({ code: 64, err: expect.stringContaining("Unknown option '--bogus'") });
    expect(azMap(["--account", "555555555555"])).toMatchObject({ code: 64, err: expect.stringContaining("usage: npm run az-map --") });
  });

  it("prints its usage for --help, exit 0", () => {
    expect(azMap(["--help"])).toMatchObject({ code: 0, out: expect.stringMatching(/^usage: npm run az-map --/) });
  });
});
