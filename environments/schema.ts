import { z } from "zod";
import { IPv4CidrRange } from "ip-num";

/** What an account is for; decides which stacks land in it. */
export const ACCOUNT_ROLES = ["management", "network", "workload", "shared-services", "log-archive"] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** The three geographic groups whose Transit Gateways are meshed. */
export const REGION_GROUPS = ["us", "eu", "asia"] as const;
export type RegionGroup = (typeof REGION_GROUPS)[number];

/** Subnet tiers of a shared VPC; `transit` holds only Transit Gateway attachments. */
export const SUBNET_TIERS = ["public", "private", "data", "transit"] as const;
export type SubnetTier = (typeof SUBNET_TIERS)[number];

/** Lower-case, starts with a letter: safe in stack names, S3 keys and bucket names. */
const SAFE_NAME = /^[a-z][a-z0-9-]{0,22}[a-z0-9]$/;
const SAFE_NAME_HINT = "use 2-24 characters of a-z, 0-9 and '-', starting with a letter, e.g. \"dev\" or \"workload-prod\"";

export function isIpv4Cidr(value: string): boolean {
  if (!/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(value)) return false;
  try {
    // ip-num accepts host bits set; a VPC CIDR must be the network address itself.
    return IPv4CidrRange.fromCidr(value).getFirst().toString() === value.split("/")[0];
  } catch {
    return false;
  }
}

const ipv4Cidr = z
  .string()
  .refine(isIpv4Cidr, { message: "must be an IPv4 network in CIDR notation with no host bits set, e.g. \"10.0.0.0/16\"" });

const safeName = z.string().regex(SAFE_NAME, { message: SAFE_NAME_HINT });

export const accountSchema = z
  .object({
    /** 12-digit AWS account id, quoted so leading zeros survive. */
    id: z.string().regex(/^\d{12}$/, { message: "must be the 12-digit AWS account id as a quoted string, e.g. \"111111111111\"" }),
    /** Short name used in stack names and tags. */
    name: safeName,
    role: z.enum(ACCOUNT_ROLES),
    /** Name of the organizational unit (a key of `organizationalUnits`). */
    ou: z.string().min(1),
  })
  .strict();

export const regionSchema = z
  .object({
    group: z.enum(REGION_GROUPS),
    /** AZ IDs (never AZ names) the organization uses in this region, e.g. ["use1-az1", "use1-az2"]. */
    azIds: z.array(z.string()).min(2, { message: "name at least 2 AZ IDs so every tier spans two zones" }),
    /** Summary of every VPC CIDR in the region; peers route this block to the region's Transit Gateway. */
    addressSpace: ipv4Cidr,
    /** Private ASN of the region's Transit Gateway; each region needs its own. */
    transitGatewayAsn: z.number().int().min(64512).max(65534),
  })
  .strict();

const tierLayoutSchema = z
  .object({
    /** Size of each subnet of the tier (one per AZ ID), carved in order from the VPC CIDR. */
    prefixLength: z.number().int().min(16).max(28),
    /** Explicit CIDR per AZ ID, for subnets that already exist; must sit inside the VPC CIDR. */
    cidrs: z.record(z.string(), ipv4Cidr).optional(),
  })
  .strict();

export const environmentRegionSchema = z
  .object({
    vpcCidr: ipv4Cidr,
    subnets: z
      .object({
        public: tierLayoutSchema,
        private: tierLayoutSchema,
        data: tierLayoutSchema,
        transit: tierLayoutSchema,
      })
      .strict(),
  })
  .strict();

export const environmentSchema = z
  .object({
    /** Names of the workload accounts the environment's subnets are shared with. */
    workloadAccounts: z.array(z.string()).min(1),
    /**
     * Environments in the same routing domain reach each other through the Transit Gateways,
     * so their VPC CIDRs must not overlap. Prod and non-prod domains stay apart.
     */
    routingDomain: safeName,
    /** One NAT gateway per AZ ID (zone-independent egress) or a single one (cheaper). */
    natGateways: z.enum(["one-per-az", "single"]).default("one-per-az"),
    /** VPC layout per region the environment runs in. */
    regions: z.record(z.string(), environmentRegionSchema),
  })
  .strict();

export const orgSchema = z
  .object({
    /** Organization short name: prefixes state bucket names, so keep it globally distinctive. */
    name: safeName,
    /** Team that owns the platform; lands in the `owner` default tag. */
    owner: z.string().min(1),
    /** AWS Organizations id, e.g. "o-a1b2c3d4e5". */
    organizationId: z.string().regex(/^o-[a-z0-9]{10,32}$/, { message: "must be an AWS Organizations id like \"o-a1b2c3d4e5\"" }),
    /** Region that holds every account's state bucket. */
    stateRegion: z.string(),
    /** Role assumed in every account by Terraform. */
    accessRoleName: z.string().regex(/^[\w+=,.@-]{1,64}$/).default("OrganizationAccountAccessRole"),
    /**
     * Where the bootstrap stacks keep their own state: "local" for the very first apply
     * (the bucket does not exist yet), then "s3" after `terraform init -migrate-state`.
     */
    bootstrapBackend: z.enum(["local", "s3"]).default("local"),
    /** OU name → OU id, e.g. { "workloads-prod": "ou-ab12-cd34ef56" }. */
    organizationalUnits: z.record(
      z.string(),
      z.string().regex(/^(r-[a-z0-9]{4,32}|ou-[a-z0-9]{4,32}-[a-z0-9]{8,32})$/, {
        message: "must be an OU id like \"ou-ab12-cd34ef56\" or the root id like \"r-ab12\"",
      }),
    ),
    accounts: z.array(accountSchema).min(1),
    regions: z.record(z.string(), regionSchema),
    environments: z.record(z.string(), environmentSchema),
  })
  .strict();

/** The org file as written by a platform engineer (defaults may be left out). */
export type OrgConfigInput = z.input<typeof orgSchema>;
/** The org file after parsing, defaults filled in. */
export type OrgConfig = z.output<typeof orgSchema>;
export type AccountConfig = z.output<typeof accountSchema>;
export type RegionConfig = z.output<typeof regionSchema>;
export type EnvironmentConfig = z.output<typeof environmentSchema>;
export type EnvironmentRegionConfig = z.output<typeof environmentRegionSchema>;

export { SAFE_NAME, SAFE_NAME_HINT };
