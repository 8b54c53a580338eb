import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gunzipSync } from "node:zlib";
import { consoleIo, EXIT, runCommand, UsageError, type CliIo } from "./lib/cli";

/**
 * eni-limits: regenerates the pods-per-node data (planning/instance-eni-limits.ts) from EC2's
 * own description of every instance type.
 *
 *   aws ec2 describe-instance-types --output json > instance-types.json
 *   npm run eni-limits -- --from instance-types.json
 */

/** Where the generated table lives. */
export const ENI_LIMITS_FILE = join("planning", "instance-eni-limits.ts");

const USAGE = `usage: npm run eni-limits -- --from FILE [--out FILE]

Writes the ENI limits and CPU architecture of every current instance type (${ENI_LIMITS_FILE}),
the data behind pods per node (npm run max-pods). FILE is either
  - the JSON of \`aws ec2 describe-instance-types --output json\` (pages concatenated are fine), or
  - a gzip (or plain JSON) of an object InstanceType → its description, as moto ships it
    (moto/ec2/resources/instance_types.json.gz).
  --from FILE   the EC2 description of the instance types
  --out FILE    where to write (default: ${ENI_LIMITS_FILE})`;

/** The fields of one EC2 InstanceTypeInfo the table is made from. */
export interface InstanceTypeInfo {
  readonly InstanceType: string;
  readonly CurrentGeneration?: boolean;
  readonly Hypervisor?: string;
  readonly ProcessorInfo?: { readonly SupportedArchitectures?: readonly string[] };
  readonly NetworkInfo?: {
    readonly MaximumNetworkInterfaces?: number;
    readonly Ipv4AddressesPerInterface?: number;
    readonly DefaultNetworkCardIndex?: number;
    readonly NetworkCards?: readonly { readonly NetworkCardIndex?: number; readonly MaximumNetworkInterfaces?: number }[];
  };
}

/** One row of the table: "m7a.large" → 3 ENIs of 10 IPv4 addresses, amd64. */
export interface EniLimitRow {
  readonly instanceType: string;
  readonly enis: number;
  readonly ipv4PerEni: number;
  readonly architecture: "amd64" | "arm64";
}

/** A file that is not an EC2 description of instance types. */
export class EniLimitsInputError extends Error {}

/** The instance type descriptions in `bytes`: gzip or not, describe-instance-types pages or a name → description map. */
export function parseInstanceTypes(bytes: Buffer, file: string): InstanceTypeInfo[] {
  const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString("utf8");
  let values: unknown[];
  try {
    values = concatenatedJson(text);
  } catch (e) {
    throw new EniLimitsInputError(
      `${file}: not JSON (${(e as Error).message}); save it with \`aws ec2 describe-instance-types --output json > ${basename(file)}\``,
    );
  }
  const infos = values.flatMap((value): unknown[] => {
    if (Array.isArray(value)) return value;
    if (value && typeof value === "object" && Array.isArray((value as { InstanceTypes?: unknown }).InstanceTypes))
      return (value as { InstanceTypes: unknown[] }).InstanceTypes;
    if (value && typeof value === "object") return Object.values(value);
    return [value];
  });
  const bad = infos.find((info) => typeof (info as InstanceTypeInfo | null)?.InstanceType !== "string");
  if (bad !== undefined || infos.length === 0) {
    throw new EniLimitsInputError(
      `${file}: expected describe-instance-types output ({ "InstanceTypes": [...] }) or an InstanceType → description object; found ${infos.length ? JSON.stringify(bad).slice(0, 80) : "no instance types"}`,
    );
  }
  return infos as InstanceTypeInfo[];
}

/** Top-level JSON values written one after another (`aws ... --output json` per page, appended). */
function concatenatedJson(text: string): unknown[] {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{" || c === "[") {
      if (depth++ === 0) start = i;
    } else if (c === "}" || c === "]") {
      if (--depth === 0) values.push(JSON.parse(text.slice(start, i + 1)));
    } else if (depth === 0 && !/\s/.test(c)) throw new Error(`unexpected "${c}" at offset ${i}`);
  }
  if (depth !== 0 || values.length === 0) throw new Error("unterminated or empty");
  return values;
}

const ARCHITECTURES: Readonly<Record<string, EniLimitRow["architecture"]>> = { x86_64: "amd64", arm64: "arm64" };

/**
 * The rows for every instance type an EKS node can be: amd64 or arm64 (Mac types are neither),
 * and current generation or on the Nitro hypervisor (EC2 flags some Nitro families such as m5 or
 * m6i as previous generation; the Xen-era ones, m4 or c4, stay out). ENIs are those of the
 * default network card: the VPC CNI attaches ENIs there only (p4d.24xlarge: 4 cards × 15 ENIs,
 * 15 usable, 737 pods as in AWS's eni-max-pods table).
 */
export function eniLimitRows(infos: readonly InstanceTypeInfo[]): EniLimitRow[] {
  const rows: EniLimitRow[] = [];
  for (const info of infos) {
    const architecture = (info.ProcessorInfo?.SupportedArchitectures ?? []).map((a) => ARCHITECTURES[a]).find((a) => a);
    const network = info.NetworkInfo;
    if (!architecture || !network?.Ipv4AddressesPerInterface) continue;
    if (info.CurrentGeneration !== true && info.Hypervisor === "xen") continue;
    const defaultCard = network.NetworkCards?.find((card) => (card.NetworkCardIndex ?? 0) === (network.DefaultNetworkCardIndex ?? 0));
    const enis = defaultCard?.MaximumNetworkInterfaces ?? network.MaximumNetworkInterfaces;
    if (!enis) continue;
    rows.push({ instanceType: info.InstanceType, enis, ipv4PerEni: network.Ipv4AddressesPerInterface, architecture });
  }
  return rows.sort((a, b) => compareTypes(a.instanceType, b.instanceType));
}

/** Family, then size by its number ("large" < "xlarge" < "2xlarge" < "metal"). */
function compareTypes(a: string, b: string): number {
  const [familyA, sizeA = ""] = a.split(".");
  const [familyB, sizeB = ""] = b.split(".");
  return familyA.localeCompare(familyB) || sizeRank(sizeA) - sizeRank(sizeB) || sizeA.localeCompare(sizeB);
}

const SMALL_SIZES = ["nano", "micro", "small", "medium", "large", "xlarge"];

function sizeRank(size: string): number {
  const small = SMALL_SIZES.indexOf(size);
  if (small >= 0) return small;
  const multiple = /^(\d+)xlarge$/.exec(size);
  return multiple ? SMALL_SIZES.length + Number(multiple[1]) : 10_000;
}

/** The key of a group of types with identical limits, e.g. "amd64 3 10". */
export function groupKey(row: Omit<EniLimitRow, "instanceType">): string {
  return `${row.architecture} ${row.enis} ${row.ipv4PerEni}`;
}

/** The generated TypeScript module: rows grouped by identical limits, types space-separated. */
export function renderEniLimits(rows: readonly EniLimitRow[], source: string): string {
  const groups = new Map<string, string[]>();
  for (const row of [...rows].sort((a, b) => compareTypes(a.instanceType, b.instanceType)))
    groups.set(groupKey(row), [...(groups.get(groupKey(row)) ?? []), row.instanceType]);
  const keys = [...groups.keys()].sort((a, b) => {
    const [archA, enisA, ipsA] = a.split(" ");
    const [archB, enisB, ipsB] = b.split(" ");
    return archA.localeCompare(archB) || Number(enisA) - Number(enisB) || Number(ipsA) - Number(ipsB);
  });
  return [
    "/*",
    " * Generated by `npm run eni-limits -- --from " + source + "` (scripts/eni-limits.ts): do not edit.",
    ` * ENI limits of ${rows.length} instance types from EC2 DescribeInstanceTypes (NetworkInfo of the default`,
    " * network card, Ipv4AddressesPerInterface, ProcessorInfo.SupportedArchitectures); docs/eks.md says how to regenerate.",
    " */",
    "",
    '/** "<architecture> <ENIs> <IPv4 per ENI>" → the instance types with exactly those limits. */',
    "export const ENI_LIMIT_GROUPS: Readonly<Record<string, string>> = {",
    ...keys.map((key) => `  ${JSON.stringify(key)}: ${JSON.stringify(groups.get(key)!.join(" "))},`),
    "};",
    "",
  ].join("\n");
}

export function runEniLimits(args: readonly string[], io: CliIo): number {
  return runCommand(args, io, { usage: USAGE, options: { from: { type: "string" }, out: { type: "string" } } }, ({ values }) => {
    if (!values.from) throw new UsageError("name the EC2 description with --from FILE");
    let bytes: Buffer;
    try {
      bytes = readFileSync(values.from);
    } catch (e) {
      io.err(`${values.from}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      return EXIT.failure;
    }
    const rows = eniLimitRows(parseInstanceTypes(bytes, values.from));
    const out = values.out ?? ENI_LIMITS_FILE;
    writeFileSync(out, renderEniLimits(rows, basename(values.from)));
    io.out(`${out}: ${rows.length} instance types`);
    return EXIT.ok;
  });
}

if (require.main === module) process.exitCode = runEniLimits(process.argv.slice(2), consoleIo);
