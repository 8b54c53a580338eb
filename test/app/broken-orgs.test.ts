import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runSynthCommand } from "../../scripts/lib/synth-command";
import { filesUnder } from "../support/files";

/**
 * One org file per way a real user gets it wrong (test/fixtures/broken-orgs), each run through
 * the app's command (main.ts runs the same function): exit 1, the field path and the fix in the
 * message, "Nothing was written." and the previous output untouched. In-process, so 60 files cost
 * one module load instead of 60 app start-ups; the built app as a process, with its exit code and
 * stderr, is test/app/main.test.ts's.
 */
const ROOT = join(__dirname, "..", "..");
const CORPUS = join(ROOT, "test", "fixtures", "broken-orgs");

/** File → the field path the message names, and what it must say to do. */
const CASES: Readonly<Record<string, readonly [path: string, fix: RegExp]>> = {
  "account-id-as-number.json": ["accounts.0.id", /write the 12-digit account id in quotes exactly as AWS shows it/],
  "account-id-eleven-digits.yaml": ["accounts.1.id", /must be the 12-digit AWS account id as a quoted string/],
  "asn-public.yaml": ["regions.us-east-1.transitGatewayAsn", /must be a private ASN: 64512-65534 or 4200000000-4294967294/],
  "asn-quoted.yaml": ["regions.us-east-1.transitGatewayAsn", /is the text "64512"; write it without quotes \(64512\)/],
  "az-id-does-not-exist.yaml": ["regions.us-east-1.azIds.1", /us-east-1 has no AZ "use1-az7" \(it has .*\); pick one of those/],
  "az-id-of-another-region.yaml": ["regions.us-east-1.azIds.1", /"euw1-az2" is not an AZ ID of us-east-1; AZ IDs there look like "use1-az1"/],
  "az-name-instead-of-id.yaml": ["regions.us-east-1.azIds.0", /use AZ IDs, not AZ names/],
  "batch-no-active-colour.json": ["environments.dev.batch.state.active", /set state\.active to a colour under batch\.colours \("blue"\)/],
  "bom-and-typo.json": ["(root)", /unknown field\(s\) "ownr"; check the spelling/],
  "duplicate-account-id.yaml": ["accounts.1.id", /reuses id 111111111111 of account "management"; every account id must be unique/],
  "duplicate-account-name.json": ["accounts.2.name", /name "network" is already used by the account with id 222222222222; account names must be unique/],
  "duplicate-key.yaml": ["(root)", /not valid YAML: Map keys must be unique at line 4/],
  "eks-region-without-vpc.json": ["environments.dev.eks.regions.0", /add the region under environments\.dev\.regions or drop it here/],
  "eks-version-not-offered.yaml": [
    "environments.dev.eks.kubernetesVersion",
    /EKS does not offer Kubernetes 1\.40 .*use one EKS offers \(.*1\.35: standard support until 2027-03-27\), or .* add it under awsFacts\.eksVersions/,
  ],
  "eks-version-support-ended.yaml": [
    "environments.dev.eks.kubernetesVersion",
    /EKS ended extended support for Kubernetes 1\.29 on 2026-03-23 .*; use one EKS offers/,
  ],
  "eks-version-unquoted.yaml": ["environments.dev.eks.kubernetesVersion", /is the number 1\.3: .*1\.30 becomes 1\.3.*write the value in quotes/],
  "empty.yaml": ["(root)", /the file is empty .*start from environments\/example-org\.ts/],
  "environment-name-uppercase.json": ["environments.Dev", /use 2-24 characters of a-z, 0-9 and '-'/],
  "environment-named-shared.json": ["environments.shared", /reserved .*rename the environment, e\.g\. "common"/],
  "flow-log-retention-retired.json": [
    "environments.dev.flowLogRetentionDays",
    /was replaced by log retention tiers .*set its days as environments\.dev\.observability\.logRetention\.security/,
  ],
  "interface-endpoint-s3.json": ["environments.dev.interfaceEndpoints.1", /remove it from interfaceEndpoints/],
  "log-retention-invalid.json": ["environments.dev.observability.logRetention.security", /must be a retention CloudWatch Logs accepts: 1, 3, 5/],
  "list-at-root.yaml": ["(root)", /the file holds a list; an org file is one mapping of fields/],
  "merge-key-in-json.json": ["environments.dev", /"<<" \(a YAML merge key\) is read as a field here/],
  "merge-key-without-anchor.yaml": ["(root)", /not valid YAML: Merge sources .*need an anchor \(&name\) on a mapping earlier in the file/],
  "missing-environments.json": ["environments", /is missing; add it \(a mapping of fields/],
  "nat-gateways-invalid.yaml": ["environments.dev.natGateways", /must be one of "one-per-az"\|"single"/],
  "no-network-account.yaml": ["accounts", /exactly one account must have role "network"/],
  "organization-id-malformed.json": ["organizationId", /must be an AWS Organizations id like "o-a1b2c3d4e5"/],
  "ou-id-malformed.yaml": ["organizationalUnits.workloads", /must be an OU id like "ou-ab12-cd34ef56"/],
  "ou-named-tostring.json": ["accounts.2.ou", /names OU "toString", which is not in organizationalUnits \(known: "infrastructure", "workloads"\)/],
  "ou-not-declared.yaml": ["accounts.2.ou", /names OU "workload", which is not in organizationalUnits \(known: "infrastructure", "workloads"\)/],
  "overlapping-vpcs.json": ["environments.staging.regions.us-east-1.vpcCidr", /pick disjoint CIDRs/],
  "pinned-subnet-outside-vpc.yaml": ["environments.dev.regions.us-east-1.subnets.public.cidrs.use1-az1", /subnet CIDRs must sit inside their VPC/],
  "pinned-subnet-unknown-az.yaml": [
    "environments.dev.regions.us-east-1.subnets.public.cidrs.use1-az3",
    /is not one of the region's AZ IDs \("use1-az1", "use1-az2"\)/,
  ],
  "pinned-subnets-overlap.yaml": [
    "environments.dev.regions.us-east-1.subnets.private.cidrs.use1-az1",
    /overlaps 10\.0\.0\.0\/24 pinned at .*public\.cidrs\.use1-az1; .*pin disjoint blocks/,
  ],
  "proto-key.json": ["environments.__proto__", /"__proto__" cannot be a name in an org file .*rename it/],
  "quiet-window-seconds.yaml": ["environments.dev.eks.nodePools.general.quietWindow.duration", /hours and\/or minutes like "8h".*take no seconds/],
  "quiet-window-six-fields.yaml": ["environments.dev.eks.nodePools.general.quietWindow.schedule", /has 6 fields; Karpenter takes exactly 5 .*no seconds/],
  "quiet-window-sunday-as-7.yaml": [
    "environments.dev.eks.nodePools.general.quietWindow.schedule",
    /day of week field "7" is out of range; the field takes 0-6 or sun-sat/,
  ],
  "quiet-window-time-zone.yaml": [
    "environments.dev.eks.nodePools.general.quietWindow.schedule",
    /take no time zone; drop "CRON_TZ=Europe\/Berlin" and convert the times to UTC/,
  ],
  "region-does-not-exist.yaml": ["regions.us-east-3", /not an AWS region in planning\/aws-facts\.ts; check the spelling, or .* add it under awsFacts\.regions/],
  "region-group-invalid.json": ["regions.us-east-1.group", /must be one of "us"\|"eu"\|"asia"/],
  "region-name-typo.yaml": ["regions.us-east1", /use names like "us-east-1"/],
  "region-named-constructor.json": ["environments.dev.regions.constructor", /region "constructor" is not in regions \(known: "us-east-1"\)/],
  "role-name-with-space.json": ["accessRoleName", /must be an IAM role name \(1-64 of a-z, A-Z, 0-9 and \+=,\.@_-\)/],
  "single-az.yaml": ["regions.us-east-1.azIds", /name at least 2 AZ IDs/],
  "state-region-constructor.json": ["stateRegion", /"constructor" is not one of the configured regions \("us-east-1"\)/],
  "state-region-not-configured.yaml": ["stateRegion", /"eu-west-1" is not one of the configured regions \("us-east-1"\)/],
  "subnet-prefix-too-small.yaml": [
    "environments.dev.regions.us-east-1.subnets.transit.prefixLength",
    /must be 16 to 28; AWS accepts VPC and subnet blocks from \/16 to \/28/,
  ],
  "tab-indentation.yaml": ["(root)", /Tabs are not allowed as indentation.*\n(.*\n)*?.*indent with spaces/],
  "tiers-do-not-fit.yaml": ["environments.dev.regions.us-east-1.subnets.private.prefixLength", /enlarge the VPC CIDR or shrink the tiers/],
  "trailing-comma.json": ["(root)", /not valid JSON: .*\(line 39 column 5\); JSON allows no trailing commas/],
  "unknown-field-typo.yaml": ["environments.dev", /unknown field\(s\) "natGateway"; check the spelling/],
  "unquoted-account-id.yaml": ["accounts.2.id", /is the number 12345678901: .*drop leading zeros; write the 12-digit account id in quotes/],
  "vpc-cidr-host-bits.yaml": ["environments.dev.regions.us-east-1.vpcCidr", /no host bits set, e\.g\. "10\.0\.0\.0\/16"/],
  "vpc-outside-address-space.yaml": [
    "environments.dev.regions.us-east-1.vpcCidr",
    /lies outside us-east-1's address space 10\.0\.0\.0\/12; pick a block inside it/,
  ],
  "vpc-prefix-too-large.yaml": ["environments.dev.regions.us-east-1.vpcCidr", /must be a \/16 to \/28 block/],
  "workload-account-unknown.yaml": ["environments.dev.workloadAccounts.0", /account "workload-devv" is not in accounts \(known: .*"workload-dev"\)/],
  "workload-account-wrong-role.yaml": ["environments.dev.workloadAccounts.0", /only accounts with role "workload" run environments/],
};

interface Run {
  readonly status: number;
  readonly stderr: string;
  readonly before: Record<string, string>;
  readonly after: Record<string, string>;
}

/** Runs the app's command on one file, with output going to `outdir` that already holds a previous synth. */
function runOn(file: string, work: string): Run {
  const outdir = join(work, file, "cdktf.out");
  mkdirSync(join(outdir, "stacks", "previous"), { recursive: true });
  writeFileSync(join(outdir, "stacks", "previous", "cdk.tf.json"), "{}");
  const before = filesUnder(join(work, file));
  let stderr = "";
  const io = { out: () => undefined, err: (text: string) => void (stderr += `${text}\n`) };
  const status = runSynthCommand({ ORGPLAT_ORG: join(CORPUS, file), CDKTF_OUTDIR: outdir }, io, ROOT);
  return { status, stderr, before, after: filesUnder(join(work, file)) };
}

describe("the broken-org corpus, through the app", () => {
  const files = readdirSync(CORPUS).sort();
  const work = mkdtempSync(join(tmpdir(), "orgplat-broken-"));
  const runs = new Map<string, Run>();
  beforeAll(() => {
    for (const file of files) runs.set(file, runOn(file, work));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("holds at least 40 cases, YAML and JSON, each with its expectation", () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(files.filter((f) => f.endsWith(".json")).length).toBeGreaterThanOrEqual(10);
    expect(files.filter((f) => f.endsWith(".yaml")).length).toBeGreaterThanOrEqual(10);
    expect(files).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.entries(CASES))("%s: exit 1, the field path and the fix, nothing written", (file, [path, fix]) => {
    const run = runs.get(file)!;
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(`^Invalid org config ${CORPUS.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/${file.replace(".", "\\.")} \\(\\d+ problems?\\):\\n`),
    );
    const line = run.stderr.split("\n  - ").find((l) => l.includes(`: ${path}: `));
    expect(line).toBeDefined();
    expect(line).toMatch(fix);
    expect(run.stderr).toMatch(/\nNothing was written\.\n$/);
    expect(run.after).toEqual(run.before);
  });
});
