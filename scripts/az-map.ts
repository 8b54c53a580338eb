import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { azIdBelongsTo } from "../planning/az-ids";
import { loadOrgFile } from "../environments/load";
import { loadConfiguredOrg } from "../environments/org-setting";
import type { OrgModel } from "../planning/model";
import { consoleIo, EXIT, runCommand, UsageError } from "./lib/cli";

/**
 * az-map: lines up AZ names and AZ IDs across accounts.
 *
 *   npm run az-map -- [--org org.yaml] [--account 555555555555 file.json] 222222222222-us-east-1.json …
 *
 * Each file is the JSON of `aws ec2 describe-availability-zones --region R` run in one account;
 * the account id comes from the file name (its 12-digit group) or from `--account ID` before the file.
 * Prints per region the AZ ID → AZ name table of every account, and flags each AZ ID the org config
 * uses that an account does not have. Exit 0: aligned; 1: an account lacks a configured AZ ID or bad input; 64: usage.
 */

/** A file that cannot be read as one account's describe-availability-zones output. */
export class AzMapInputError extends Error {
  constructor(
    public readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = "AzMapInputError";
  }
}

/** One account's zones in one region. */
export interface ZoneFile {
  readonly file: string;
  readonly accountId: string;
  readonly region: string;
  /** AZ ID → AZ name, e.g. { "use1-az6": "us-east-1a" }. */
  readonly nameById: Readonly<Record<string, string>>;
}

/** An AZ ID the org config uses that an account has not got. */
export interface MissingAzId {
  readonly region: string;
  readonly azId: string;
  readonly accountId: string;
  readonly file: string;
}

const HOW_TO = "save it with `aws ec2 describe-availability-zones --region <region> --output json > <account id>-<region>.json`";

/** The 12-digit account id a file name carries, e.g. "222222222222-us-east-1.json" → "222222222222". */
export function accountIdFromFileName(path: string): string | undefined {
  return basename(path).match(/(?:^|\D)(\d{12})(?:\D|$)/)?.[1];
}

/** Parses one saved describe-availability-zones output; `accountId` (from --account) wins over the file name only if they agree. */
export function parseZoneFile(file: string, text: string, accountId?: string): ZoneFile {
  const fromName = accountIdFromFileName(file);
  if (accountId !== undefined && !/^\d{12}$/.test(accountId)) throw new AzMapInputError(file, `--account "${accountId}" is not a 12-digit account id`);
  if (accountId && fromName && accountId !== fromName) {
    throw new AzMapInputError(file, `--account ${accountId} disagrees with the account id ${fromName} in the file name; fix one of them`);
  }
  const account = accountId ?? fromName;
  if (!account) throw new AzMapInputError(file, `no account id: name the file like "222222222222-us-east-1.json" or pass --account <id> before it`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new AzMapInputError(file, `not JSON (${(e as Error).message}); ${HOW_TO}`);
  }
  const zones = (data as { AvailabilityZones?: unknown })?.AvailabilityZones;
  if (!Array.isArray(zones)) throw new AzMapInputError(file, `no "AvailabilityZones" list: this is not describe-availability-zones output; ${HOW_TO}`);
  // Local and Wavelength zones share the API but are no place for shared subnets.
  const azs = zones.filter((z) => (z as { ZoneType?: string }).ZoneType === undefined || (z as { ZoneType?: string }).ZoneType === "availability-zone");
  if (!azs.length) throw new AzMapInputError(file, `lists no availability zones; ${HOW_TO}`);
  const nameById: Record<string, string> = {};
  const regions = new Set<string>();
  azs.forEach((z, i) => {
    const { ZoneName, ZoneId, RegionName } = z as Record<string, unknown>;
    if (typeof ZoneName !== "string" || typeof ZoneId !== "string" || typeof RegionName !== "string") {
      throw new AzMapInputError(file, `AvailabilityZones[${i}] lacks ZoneName, ZoneId or RegionName`);
    }
    if (!azIdBelongsTo(ZoneId, RegionName))
      throw new AzMapInputError(file, `AvailabilityZones[${i}]: zone ID ${ZoneId} does not belong to region ${RegionName}; the file is damaged or hand-edited`);
    if (nameById[ZoneId]) throw new AzMapInputError(file, `zone ID ${ZoneId} is listed twice`);
    nameById[ZoneId] = ZoneName;
    regions.add(RegionName);
  });
  if (regions.size > 1) throw new AzMapInputError(file, `mixes regions ${[...regions].join(", ")}; save one file per account and region`);
  return { file, accountId: account, region: [...regions][0], nameById };
}

/** Zone files by region, then account; two files for one account and region are refused. */
export function byRegionAndAccount(files: readonly ZoneFile[]): Map<string, Map<string, ZoneFile>> {
  const map = new Map<string, Map<string, ZoneFile>>();
  for (const f of files) {
    const accounts = map.get(f.region) ?? new Map<string, ZoneFile>();
    const twin = accounts.get(f.accountId);
    if (twin)
      throw new AzMapInputError(
        f.file,
        `is a second file for account ${f.accountId} in ${f.region} (the first is ${twin.file}); pass one file per account and region`,
      );
    accounts.set(f.accountId, f);
    map.set(f.region, accounts);
  }
  return map;
}

/** Every configured AZ ID that an account with a file for that region lacks. */
export function missingAzIds(files: readonly ZoneFile[], org: OrgModel): MissingAzId[] {
  return files.flatMap((f) =>
    (org.regions[f.region]?.azIds ?? [])
      .filter((azId) => !(azId in f.nameById))
      .map((azId) => ({ region: f.region, azId, accountId: f.accountId, file: f.file })),
  );
}

/** The side-by-side tables, configured AZ IDs marked with "*", then the findings. */
export function formatAzMap(files: readonly ZoneFile[], org: OrgModel | undefined): string {
  const accountName = (id: string) => org?.accounts.find((a) => a.id === id)?.name;
  const lines: string[] = [];
  for (const [region, accounts] of [...byRegionAndAccount(files)].sort(([a], [b]) => a.localeCompare(b))) {
    const configured = org?.regions[region]?.azIds ?? [];
    const ids = [...new Set([...accounts.values()].flatMap((f) => Object.keys(f.nameById)))].sort(byZoneNumber);
    const columns = [...accounts.keys()].sort();
    const header = ["AZ ID", ...columns.map((id) => (accountName(id) ? `${id} (${accountName(id)})` : id))];
    const rows = ids.map((azId) => [`${azId}${configured.includes(azId) ? " *" : ""}`, ...columns.map((id) => accounts.get(id)!.nameById[azId] ?? "-")]);
    lines.push(`${region}${org && !org.regions[region] ? " (not a region of the org config)" : ""}`, ...table([header, ...rows]).map((l) => `  ${l}`), "");
  }
  if (org) {
    const missing = missingAzIds(files, org);
    lines.push("* = AZ ID used by the org config");
    lines.push(
      ...missing.map(
        (m) =>
          `MISSING ${m.azId} (configured for ${m.region}) in account ${m.accountId}${accountName(m.accountId) ? ` (${accountName(m.accountId)})` : ""}, per ${m.file}`,
      ),
    );
    const seen = new Set(files.map((f) => f.region));
    lines.push(
      ...Object.keys(org.regions)
        .filter((r) => !seen.has(r))
        .map((r) => `note: no file for ${r}; its AZ IDs were not checked`),
    );
  }
  return lines.join("\n");
}

/** Orders "use1-az2" before "use1-az10". */
function byZoneNumber(a: string, b: string): number {
  const n = (id: string) => Number(id.match(/az(\d+)$/)?.[1] ?? 0);
  return a.replace(/\d+$/, "").localeCompare(b.replace(/\d+$/, "")) || n(a) - n(b);
}

function table(rows: readonly string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]))
      .join("  ")
      .trimEnd(),
  );
}

/** What the command touches, so tests can run it without a console or a disk. */
export interface AzMapIo {
  readFile(path: string): string;
  out(text: string): void;
  err(text: string): void;
  loadOrg(path?: string): OrgModel;
}

const USAGE = `usage: npm run az-map -- [--org <org file>] [--account <12-digit id> <file>]... <file>...

files: describe-availability-zones JSON, one per account and region; the account id comes from the
file name (its 12-digit group) or from --account ID before the file. The org: --org, else
ORGPLAT_ORG, else orgplat.json's "org". Exit 1 when an account lacks a configured AZ ID or a file
cannot be read.`;

/** Runs the command; returns the exit code. */
export function runAzMap(argv: readonly string[], io: AzMapIo): number {
  // `--account ID FILE` ties the id to the file after it; carried through parseArgs as ID=FILE.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== "--account") args.push(argv[i]);
    else {
      const accountId = argv[i + 1];
      const file = argv[i + 2];
      if (!accountId || !file || accountId.startsWith("-") || file.startsWith("-")) args.push("--account-needs-id-and-file");
      else args.push("--account", `${accountId}=${file}`);
      i += 2;
    }
  }
  return runCommand(
    args,
    io,
    { usage: USAGE, options: { org: { type: "string" }, account: { type: "string", multiple: true } }, positionals: true },
    ({ values, positionals }) => {
      // Files in the order given, whether named with --account or not (a duplicate names the first).
      const used = new Set<number>();
      const at = (text: string) => {
        const index = args.findIndex((a, i) => a === text && !used.has(i));
        used.add(index);
        return index;
      };
      const inputs: { file: string; accountId?: string }[] = [
        ...(values.account ?? []).map((pair) => ({ order: at(pair), accountId: pair.slice(0, pair.indexOf("=")), file: pair.slice(pair.indexOf("=") + 1) })),
        ...positionals.map((file) => ({ order: at(file), file })),
      ].sort((a, b) => a.order - b.order);
      if (!inputs.length) throw new UsageError("name at least one describe-availability-zones file");
      const org = io.loadOrg(values.org);
      const files = inputs.map(({ file, accountId }) => {
        let text: string;
        try {
          text = io.readFile(file);
        } catch (e) {
          throw new AzMapInputError(file, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        }
        return parseZoneFile(file, text, accountId);
      });
      io.out(formatAzMap(files, org));
      return missingAzIds(files, org).length ? EXIT.failure : EXIT.ok;
    },
  );
}

if (require.main === module) {
  process.exitCode = runAzMap(process.argv.slice(2), {
    ...consoleIo,
    readFile: (path) => readFileSync(path, "utf8"),
    loadOrg: (path) => (path ? loadOrgFile(path) : loadConfiguredOrg()),
  });
}
