/**
 * What AWS itself allows, as the loader checks org files against it. One table, so a new region,
 * AZ or EKS version is one edit here (or, until a release carries it, an `awsFacts` entry in the
 * org file: see `awsFactsSchema` and `factsFor`).
 *
 * Sources, checked February 2026:
 * - Regions and AZ IDs: the AWS RAM user guide, "AZ IDs for your AWS resources", and
 *   `aws ec2 describe-availability-zones --all-availability-zones --region R --query 'AvailabilityZones[].ZoneId'`
 *   (every AZ ID a region has; any one account sees a subset, which `npm run az-map` compares).
 * - EKS versions: the Amazon EKS user guide, "Understand the Kubernetes version lifecycle on EKS"
 *   (standard support 14 months from release, then 12 months of extended support; after that EKS
 *   no longer creates or keeps clusters of the version).
 * - VPC and subnet sizes: the Amazon VPC user guide, "VPC CIDR blocks" (IPv4 blocks /16 to /28).
 * - Private ASNs: RFC 6996; the Transit Gateway API (CreateTransitGateway AmazonSideAsn) accepts
 *   64512-65534 and 4200000000-4294967294.
 */

import { z } from "zod";

/** Smallest and largest IPv4 prefix AWS accepts for a VPC CIDR block and for a subnet. */
export const VPC_PREFIX_LIMITS = { largest: 16, smallest: 28 } as const;

/** Private ASN ranges a Transit Gateway's amazon_side_asn may take (16-bit and 32-bit). */
export const PRIVATE_ASN_RANGES: readonly (readonly [number, number])[] = [
  [64512, 65534],
  [4200000000, 4294967294],
];

export function isPrivateAsn(asn: number): boolean {
  return Number.isInteger(asn) && PRIVATE_ASN_RANGES.some(([low, high]) => asn >= low && asn <= high);
}

/** How the ranges read in a message. */
export const PRIVATE_ASN_HINT = PRIVATE_ASN_RANGES.map(([low, high]) => `${low}-${high}`).join(" or ");

/** Dates of one EKS Kubernetes minor version, as "YYYY-MM-DD". */
export interface EksVersionFacts {
  readonly standardSupportEnd: string;
  readonly extendedSupportEnd: string;
}

/** Every AZ ID of each commercial, GovCloud and China region. */
export const REGION_AZ_IDS: Readonly<Record<string, readonly string[]>> = {
  "us-east-1": ["use1-az1", "use1-az2", "use1-az3", "use1-az4", "use1-az5", "use1-az6"],
  "us-east-2": ["use2-az1", "use2-az2", "use2-az3"],
  "us-west-1": ["usw1-az1", "usw1-az2", "usw1-az3"],
  "us-west-2": ["usw2-az1", "usw2-az2", "usw2-az3", "usw2-az4"],
  "ca-central-1": ["cac1-az1", "cac1-az2", "cac1-az4"],
  "ca-west-1": ["caw1-az1", "caw1-az2", "caw1-az3"],
  "mx-central-1": ["mxc1-az1", "mxc1-az2", "mxc1-az3"],
  "sa-east-1": ["sae1-az1", "sae1-az2", "sae1-az3"],
  "eu-west-1": ["euw1-az1", "euw1-az2", "euw1-az3"],
  "eu-west-2": ["euw2-az1", "euw2-az2", "euw2-az3"],
  "eu-west-3": ["euw3-az1", "euw3-az2", "euw3-az3"],
  "eu-central-1": ["euc1-az1", "euc1-az2", "euc1-az3"],
  "eu-central-2": ["euc2-az1", "euc2-az2", "euc2-az3"],
  "eu-north-1": ["eun1-az1", "eun1-az2", "eun1-az3"],
  "eu-south-1": ["eus1-az1", "eus1-az2", "eus1-az3"],
  "eu-south-2": ["eus2-az1", "eus2-az2", "eus2-az3"],
  "il-central-1": ["ilc1-az1", "ilc1-az2", "ilc1-az3"],
  "me-south-1": ["mes1-az1", "mes1-az2", "mes1-az3"],
  "me-central-1": ["mec1-az1", "mec1-az2", "mec1-az3"],
  "af-south-1": ["afs1-az1", "afs1-az2", "afs1-az3"],
  "ap-east-1": ["ape1-az1", "ape1-az2", "ape1-az3"],
  "ap-south-1": ["aps1-az1", "aps1-az2", "aps1-az3"],
  "ap-south-2": ["aps2-az1", "aps2-az2", "aps2-az3"],
  "ap-southeast-1": ["apse1-az1", "apse1-az2", "apse1-az3"],
  "ap-southeast-2": ["apse2-az1", "apse2-az2", "apse2-az3"],
  "ap-southeast-3": ["apse3-az1", "apse3-az2", "apse3-az3"],
  "ap-southeast-4": ["apse4-az1", "apse4-az2", "apse4-az3"],
  "ap-southeast-5": ["apse5-az1", "apse5-az2", "apse5-az3"],
  "ap-southeast-7": ["apse7-az1", "apse7-az2", "apse7-az3"],
  "ap-northeast-1": ["apne1-az1", "apne1-az2", "apne1-az4"],
  "ap-northeast-2": ["apne2-az1", "apne2-az2", "apne2-az3", "apne2-az4"],
  "ap-northeast-3": ["apne3-az1", "apne3-az2", "apne3-az3"],
  "us-gov-west-1": ["usgw1-az1", "usgw1-az2", "usgw1-az3"],
  "us-gov-east-1": ["usge1-az1", "usge1-az2", "usge1-az3"],
  "cn-north-1": ["cnn1-az1", "cnn1-az2", "cnn1-az4"],
  "cn-northwest-1": ["cnnw1-az1", "cnnw1-az2", "cnnw1-az3"],
};

/** Kubernetes minor versions EKS runs, with the end of standard and of extended support. */
export const EKS_VERSIONS: Readonly<Record<string, EksVersionFacts>> = {
  "1.29": { standardSupportEnd: "2025-03-23", extendedSupportEnd: "2026-03-23" },
  "1.30": { standardSupportEnd: "2025-07-23", extendedSupportEnd: "2026-07-23" },
  "1.31": { standardSupportEnd: "2025-11-26", extendedSupportEnd: "2026-11-26" },
  "1.32": { standardSupportEnd: "2026-03-23", extendedSupportEnd: "2027-03-23" },
  "1.33": { standardSupportEnd: "2026-07-29", extendedSupportEnd: "2027-07-29" },
  "1.34": { standardSupportEnd: "2026-12-02", extendedSupportEnd: "2027-12-02" },
  "1.35": { standardSupportEnd: "2027-03-27", extendedSupportEnd: "2028-03-27" },
};

/** The facts one org file is checked against: the table above plus the file's own `awsFacts`. */
export interface AwsFacts {
  readonly azIdsByRegion: ReadonlyMap<string, readonly string[]>;
  readonly eksVersions: ReadonlyMap<string, EksVersionFacts>;
}

/** "YYYY-MM-DD", as AWS's lifecycle pages give dates. */
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'must be a date like "2027-07-29"' });

/** The `awsFacts` field of an org file: additions to the tables above, for what AWS launched since. */
export const awsFactsSchema = z
  .object({
    /** Region name → every AZ ID it has, e.g. { "ap-east-2": { azIds: ["ape2-az1", "ape2-az2", "ape2-az3"] } }. */
    regions: z
      .record(
        z.string(),
        z
          .object({
            /** Every AZ ID the region has, e.g. ["ape2-az1", "ape2-az2"]. */
            azIds: z.array(z.string().regex(/^[a-z]+[0-9]+-az[0-9]{1,2}$/, { message: 'must be an AZ ID like "ape2-az1"' })).min(1),
          })
          .strict(),
      )
      .optional(),
    /** Kubernetes version → support dates from the EKS version lifecycle page, e.g. { "1.36": { standardSupportEnd: "2027-08-01", extendedSupportEnd: "2028-08-01" } }. */
    eksVersions: z
      .record(
        z.string().regex(/^1\.[0-9]{2}$/, { message: 'must be a Kubernetes minor version like "1.36"' }),
        z
          .object({
            /** Last day of EKS standard support (YYYY-MM-DD). */
            standardSupportEnd: isoDate,
            /** Last day of EKS extended support (YYYY-MM-DD). */
            extendedSupportEnd: isoDate,
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

/** What an org file may add under `awsFacts` when AWS launches something before this table has it. */
export type AwsFactsExtension = z.output<typeof awsFactsSchema>;

/** The table, extended by an org file's `awsFacts` (AZ IDs are added to a known region's, never replace them). */
export function factsFor(extension: AwsFactsExtension = {}): AwsFacts {
  const azIdsByRegion = new Map(Object.entries(REGION_AZ_IDS));
  for (const [region, { azIds }] of Object.entries(extension.regions ?? {})) {
    azIdsByRegion.set(region, [...new Set([...(azIdsByRegion.get(region) ?? []), ...azIds])]);
  }
  const eksVersions = new Map(Object.entries(EKS_VERSIONS));
  for (const [version, dates] of Object.entries(extension.eksVersions ?? {})) eksVersions.set(version, dates);
  return { azIdsByRegion, eksVersions };
}

/** Versions whose extended support has not ended on `today` ("YYYY-MM-DD"), oldest first. */
export function offeredEksVersions(facts: AwsFacts, today: string): string[] {
  return [...facts.eksVersions.entries()]
    .filter(([, dates]) => dates.extendedSupportEnd > today)
    .map(([version]) => version)
    .sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]));
}
