import { z } from "zod";
import { IPv4CidrRange } from "ip-num";
import { awsFactsSchema, isPrivateAsn, PRIVATE_ASN_HINT, VPC_PREFIX_LIMITS } from "../planning/aws-facts";
import { BATCH_COLOURS } from "../planning/names";
import { ALARM_IDS } from "../planning/alarm-defaults";
import { scheduleProblem } from "./karpenter-schedule";

/** What an account is for; decides which stacks land in it. */
export const ACCOUNT_ROLES = ["management", "network", "workload", "shared-services", "log-archive", "monitoring"] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

/** The three geographic groups whose Transit Gateways are meshed. */
export const REGION_GROUPS = ["us", "eu", "asia"] as const;
export type RegionGroup = (typeof REGION_GROUPS)[number];

/** Tiers a RAM share may offer to workload accounts (never `transit`). */
export const SHAREABLE_TIERS = ["public", "private", "data"] as const;
export type ShareableTier = (typeof SHAREABLE_TIERS)[number];

/** Interface endpoints private EKS nodes need: image pulls (ECR api/dkr), IRSA (STS), node join (EC2), logs. */
export const DEFAULT_INTERFACE_ENDPOINTS = ["ecr.api", "ecr.dkr", "sts", "ec2", "logs"] as const;

/** Retention values the CloudWatch Logs API accepts (PutRetentionPolicy). */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/**
 * What a log group holds decides how long it is kept: `security` (flow logs, EKS control plane
 * and audit), `application` (job and workload output), `debug` (short-lived troubleshooting).
 */
export const LOG_TIERS = ["security", "application", "debug"] as const;
export type LogTier = (typeof LOG_TIERS)[number];

/** Days each tier keeps its log groups unless the org or an environment says otherwise. */
export const DEFAULT_LOG_RETENTION: Readonly<Record<LogTier, number>> = { security: 365, application: 90, debug: 7 };

/** Org file fields that retention tiers replaced (environment and its `eks`), and the tier that now holds their days. */
export const RETIRED_RETENTION_FIELDS: Readonly<Record<string, { readonly tier: LogTier; readonly logs: string }>> = {
  flowLogRetentionDays: { tier: "security", logs: "VPC flow logs" },
  logRetentionDays: { tier: "security", logs: "EKS control-plane logs" },
};

/** Lower-case, starts with a letter: safe in stack names, S3 keys and bucket names. */
const SAFE_NAME = /^[a-z][a-z0-9-]{0,22}[a-z0-9]$/;
const SAFE_NAME_HINT = 'use 2-24 characters of a-z, 0-9 and \'-\', starting with a letter, e.g. "dev" or "workload-prod"';

export function isIpv4Cidr(value: string): boolean {
  if (!/^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(value)) return false;
  try {
    // ip-num accepts host bits set; a VPC CIDR must be the network address itself.
    return IPv4CidrRange.fromCidr(value).getFirst().toString() === value.split("/")[0];
  } catch {
    return false;
  }
}

const ipv4Cidr = z.string().refine(isIpv4Cidr, { message: 'must be an IPv4 network in CIDR notation with no host bits set, e.g. "10.0.0.0/16"' });

const { largest: LARGEST_PREFIX, smallest: SMALLEST_PREFIX } = VPC_PREFIX_LIMITS;
const PREFIX_HINT = `AWS accepts VPC and subnet blocks from /${LARGEST_PREFIX} to /${SMALLEST_PREFIX}`;

/** A VPC or subnet block: a CIDR whose size AWS accepts. */
const awsBlockCidr = ipv4Cidr.refine(
  (cidr) => {
    const prefix = Number(cidr.split("/")[1]);
    return prefix >= LARGEST_PREFIX && prefix <= SMALLEST_PREFIX;
  },
  { message: `must be a /${LARGEST_PREFIX} to /${SMALLEST_PREFIX} block; ${PREFIX_HINT}` },
);

const safeName = z.string().regex(SAFE_NAME, { message: SAFE_NAME_HINT });

const logRetentionDays = z
  .number()
  .int()
  .refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), {
    message: `must be a retention CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}`,
  });

const iamRoleName = (example: string) =>
  z
    .string()
    .regex(/^[\w+=,.@-]{1,64}$/, { message: `must be an IAM role name (1-64 of a-z, A-Z, 0-9 and +=,.@_-), e.g. "${example}"` })
    .default(example);
const iamRoleArn = z
  .string()
  .regex(/^arn:aws[a-z-]*:iam::[0-9]{12}:role\/[\w+=,.@/-]+$/, { message: 'must be an IAM role ARN like "arn:aws:iam::111111111111:role/platform-engineers"' });

/** GitHub repository whose workflows plan and deploy the org through OIDC. */
export const githubSchema = z
  .object({
    /** "<owner>/<repo>", exactly as in the OIDC token's `sub` claim. */
    repository: z.string().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, { message: 'must be "<owner>/<repo>", e.g. "example-org/platform"' }),
    /** Branch whose scheduled drift check runs with the plan role (`repo:<repository>:ref:refs/heads/<branch>`). */
    driftBranch: z
      .string()
      .regex(/^[\w./-]+$/, { message: 'must be a branch name like "main"' })
      .default("main"),
  })
  .strict();

/** Roles per purpose in every account: plan (read-only), deploy, state-reader; and who may assume them. */
export const accessSchema = z
  .object({
    /** Read-only role every plan runs as (pull requests, drift, `npm run plan`). */
    planRoleName: iamRoleName("orgplat-plan"),
    /** Role every apply runs as (`ORGPLAT_ROLE=deploy`, the deploy workflow). */
    deployRoleName: iamRoleName("orgplat-deploy"),
    /**
     * Prefix of the roles other accounts' stacks read this account's state outputs through: one per consumer
     * account ("<prefix>-<consumer account name>"), granting exactly the keys that account's stacks read.
     */
    stateReaderRoleName: z
      .string()
      .regex(/^[\w+=,.@-]{1,39}$/, {
        message: 'must be an IAM role name prefix of at most 39 characters (the consumer account\'s name follows), e.g. "orgplat-state-reader"',
      })
      .default("orgplat-state-reader"),
    /** Trust of the plan and deploy roles to GitHub Actions through OIDC; none means no OIDC provider and no CI trust. */
    github: githubSchema.optional(),
    /** People's roles (e.g. IAM Identity Center permission-set roles) that may assume the plan or deploy role of every account. */
    operators: z
      .object({
        /** Role ARNs that may assume the plan role. */
        plan: z.array(iamRoleArn).default([]),
        /** Role ARNs that may assume the deploy role. */
        deploy: z.array(iamRoleArn).default([]),
      })
      .strict()
      .default({ plan: [], deploy: [] }),
  })
  .strict();

export const accountSchema = z
  .object({
    /** 12-digit AWS account id, quoted so leading zeros survive. */
    id: z.string().regex(/^\d{12}$/, { message: 'must be the 12-digit AWS account id as a quoted string, e.g. "111111111111"' }),
    /** Short name used in stack names and tags. */
    name: safeName,
    /** What the account is for; decides which stacks land in it (exactly one network account). */
    role: z.enum(ACCOUNT_ROLES),
    /** Name of the organizational unit (a key of `organizationalUnits`). */
    ou: z.string().min(1),
  })
  .strict();

export const regionSchema = z
  .object({
    /** Geographic group of the region; the groups' Transit Gateways are peered in a full mesh. */
    group: z.enum(REGION_GROUPS),
    /** AZ IDs (never AZ names) the organization uses in this region, e.g. ["use1-az1", "use1-az2"]. */
    azIds: z.array(z.string()).min(2, { message: "name at least 2 AZ IDs so every tier spans two zones" }),
    /** Summary of every VPC CIDR in the region; peers route this block to the region's Transit Gateway. */
    addressSpace: ipv4Cidr,
    /** Private ASN of the region's Transit Gateway; each region needs its own. */
    transitGatewayAsn: z.number().refine(isPrivateAsn, { message: `must be a private ASN: ${PRIVATE_ASN_HINT}` }),
  })
  .strict();

const tierLayoutSchema = z
  .object({
    /** Size of each subnet of the tier (one per AZ ID), carved in order from the VPC CIDR. */
    prefixLength: z
      .number()
      .int()
      .min(LARGEST_PREFIX, { message: `must be ${LARGEST_PREFIX} to ${SMALLEST_PREFIX}; ${PREFIX_HINT}` })
      .max(SMALLEST_PREFIX, { message: `must be ${LARGEST_PREFIX} to ${SMALLEST_PREFIX}; ${PREFIX_HINT}` }),
    /** Explicit CIDR per AZ ID, for subnets that already exist; must sit inside the VPC CIDR and overlap no other subnet. */
    cidrs: z.record(z.string(), awsBlockCidr).optional(),
  })
  .strict();

export const environmentRegionSchema = z
  .object({
    /** The VPC's IPv4 block: inside the region's `addressSpace`, apart from every other VPC routed to it. */
    vpcCidr: awsBlockCidr,
    /** Subnet tiers, one subnet per AZ ID of the region in each. */
    subnets: z
      .object({
        /** Subnets with a route to the internet gateway: load balancers, NAT gateways. */
        public: tierLayoutSchema,
        /** Workload subnets (EKS nodes, Batch), egress through NAT and the Transit Gateway. */
        private: tierLayoutSchema,
        /** Databases and storage: admits only the private and data tiers, no route to the internet. */
        data: tierLayoutSchema,
        /** Transit Gateway attachments only; never shared. */
        transit: tierLayoutSchema,
      })
      .strict(),
    /**
     * AZ IDs whose subnets a release before the stable address plan packed (largest blocks
     * first): they keep those CIDRs. Set it once to the region's `azIds` as they were when
     * upgrading, then never change it; AZ IDs added later take their stable slots.
     */
    packedAzIds: z.array(z.string()).optional(),
  })
  .strict();

/** One colour's compute: a Spot and an On-Demand compute environment built alike. */
export const batchColourSchema = z
  .object({
    /** Instance types or families Batch may launch, e.g. ["m6i", "c6i.2xlarge"], or ["optimal"]. */
    instanceTypes: z
      .array(
        z
          .string()
          .regex(/^(optimal|[a-z][a-z0-9-]*(\.[a-z0-9]+)?)$/, { message: 'must be an instance type or family like "m6i" or "c6i.2xlarge", or "optimal"' }),
      )
      .min(1),
    /** Ceiling of each of the colour's two compute environments (they scale from 0). */
    maxVcpus: z.number().int().min(1).max(100_000),
    /** How the Spot environment picks capacity pools. */
    spotAllocationStrategy: z.enum(["SPOT_CAPACITY_OPTIMIZED", "SPOT_PRICE_CAPACITY_OPTIMIZED"]).default("SPOT_PRICE_CAPACITY_OPTIMIZED"),
    /** Batch-managed ECS AMI family. */
    imageType: z.enum(["ECS_AL2023", "ECS_AL2", "ECS_AL2023_NVIDIA", "ECS_AL2_NVIDIA"]).default("ECS_AL2023"),
    /** Exact AMI instead of the family's latest, e.g. "ami-0abc1234def567890". */
    amiId: z
      .string()
      .regex(/^ami-[0-9a-f]{8,17}$/, { message: 'must be an AMI id like "ami-0abc1234def567890"' })
      .optional(),
    /** Encrypted gp3 root volume of the colour's launch template. */
    rootVolumeGiB: z.number().int().min(30).max(16_384).default(30),
  })
  .strict();

/** A job definition every colour runs; retries Spot reclaims, fails fast on anything else. */
export const batchJobSchema = z
  .object({
    /** Container image, e.g. "public.ecr.aws/docker/library/busybox:1.36". */
    image: z.string().min(1),
    /** vCPUs each job attempt reserves. */
    vcpus: z.number().int().min(1),
    /** Memory each job attempt reserves, in MiB. */
    memoryMiB: z.number().int().min(128),
    /** Command overriding the image's; none keeps the image's own. */
    command: z.array(z.string()).optional(),
    /** Attempts in all (1-10); only Spot reclaims ("Host EC2*") use the extra attempts. */
    retryAttempts: z.number().int().min(1).max(10).default(3),
    /** Per-attempt time limit; Batch terminates an attempt that runs longer. */
    timeoutSeconds: z.number().int().min(60).default(3600),
  })
  .strict();

export const batchSchema = z
  .object({
    /** Regions of the environment that run Batch (each must have the environment's VPC). */
    regions: z.array(z.string()).min(1),
    /** Settings of each deployed colour; a colour left out is removed. */
    colours: z
      .object({
        /** Settings of the blue colour. */
        blue: batchColourSchema.optional(),
        /** Settings of the green colour. */
        green: batchColourSchema.optional(),
      })
      .strict(),
    /**
     * Which colour takes jobs. One step per apply: { active: blue } → { active: green, draining: blue }
     * → { active: green } (blue DISABLED, out of every queue) → blue left out of `colours`.
     */
    state: z
      .object({
        /** The colour that takes new jobs. */
        active: z.enum(BATCH_COLOURS).optional(),
        /** The colour finishing its jobs behind the active one during a switch. */
        draining: z.enum(BATCH_COLOURS).optional(),
      })
      .strict(),
    /** Job definitions by name (a-z, 0-9, '-'; checked in batch-rules.ts). */
    jobDefinitions: z.record(z.string(), batchJobSchema).default({}),
  })
  .strict();

/** Karpenter's budget durations: minutes and hours only, as its NodePool CRD requires ("8h", "90m", "1h30m"). */
const budgetDuration = z
  .string()
  .regex(/^(([0-9]+(h|m))|([0-9]+h[0-9]+m))$/, { message: 'must be hours and/or minutes like "8h", "90m" or "1h30m" (Karpenter budgets take no seconds)' });

/** Karpenter's duration syntax: "30s", "5m", "720h", "1h30m". */
const karpenterDuration = z.string().regex(/^([0-9]+(s|m|h))+$/, { message: 'must be a duration like "30s", "5m" or "720h"' });

/** One Karpenter NodePool: what it may launch, how it consolidates, how far it may grow. */
export const eksNodePoolSchema = z
  .object({
    /** Instance families, e.g. ["m6i", "c6i"]; every family × size must be in planning/max-pods.ts (checked in eks-rules.ts). */
    instanceFamilies: z.array(z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'must be an instance family like "m6i"' })).min(1),
    /** Instance sizes, e.g. ["large", "xlarge"]. */
    instanceSizes: z
      .array(z.string().regex(/^(nano|micro|small|medium|large|[0-9]*xlarge)$/, { message: 'must be an instance size like "large" or "2xlarge"' }))
      .min(1),
    /** Karpenter prefers Spot and falls back to On-Demand when both are allowed. */
    capacityTypes: z
      .array(z.enum(["spot", "on-demand"]))
      .min(1)
      .default(["spot", "on-demand"]),
    /** Ceiling of the pool: vCPUs over all its nodes. */
    cpuLimit: z.number().int().min(1),
    /** Ceiling of the pool: memory over all its nodes, in GiB. */
    memoryLimitGiB: z.number().int().min(1),
    /** Which nodes Karpenter may consolidate: empty ones only, or also underutilized ones. */
    consolidationPolicy: z.enum(["WhenEmptyOrUnderutilized", "WhenEmpty"]).default("WhenEmptyOrUnderutilized"),
    /** How long a node must be empty or underutilized before Karpenter consolidates it. */
    consolidateAfter: karpenterDuration.default("1m"),
    /** Nodes are replaced after this age, so they pick up new AMIs. */
    expireAfter: karpenterDuration.default("720h"),
    /**
     * How long a draining node waits for its pods before Karpenter deletes them. Expiry is forced:
     * budgets and `karpenter.sh/do-not-disrupt` do not stop it, so this bounds how long such a pod delays it.
     */
    terminationGracePeriod: karpenterDuration.default("24h"),
    /** At most this share of the pool's nodes is voluntarily disrupted at once. */
    maxDisruptedPercent: z.number().int().min(0).max(100).default(10),
    /** A window with no voluntary disruption at all, e.g. business hours: cron (UTC) + duration. */
    quietWindow: z
      .object({
        /** When the window opens: 5 cron fields in UTC or a macro like "@daily" (checked with Karpenter's own grammar). */
        schedule: z.string().superRefine((schedule, ctx) => {
          const problem = scheduleProblem(schedule);
          if (problem) ctx.addIssue({ code: "custom", message: problem });
        }),
        /** How long the window stays open, e.g. "14h". */
        duration: budgetDuration,
      })
      .strict()
      .optional(),
  })
  .strict();

/** An EKS cluster per region, on the environment's shared private subnets, with Karpenter and EFS CSI. */
export const eksSchema = z
  .object({
    /** Regions of the environment that run a cluster (each must have the environment's VPC). */
    regions: z.array(z.string()).min(1),
    /** Kubernetes minor version. The default, 1.35, is in EKS standard support until 2027-03-27 (AWS's release calendar). */
    kubernetesVersion: z
      .string()
      .regex(/^1\.[0-9]{2}$/, { message: 'must be a Kubernetes minor version like "1.35"' })
      .default("1.35"),
    /** What EKS does at the end of standard support: STANDARD upgrades the cluster; EXTENDED keeps the version, billed as extended support. */
    supportType: z.enum(["STANDARD", "EXTENDED"]).default("STANDARD"),
    /** IAM role given cluster-admin through an access entry, e.g. "arn:aws:iam::555555555555:role/platform-admin". */
    platformAdminRoleArn: z
      .string()
      .regex(/^arn:aws[a-z-]*:iam::[0-9]{12}:role\/[\w+=,.@/-]+$/, { message: 'must be an IAM role ARN like "arn:aws:iam::555555555555:role/platform-admin"' }),
    /** CIDRs allowed to reach a public API endpoint; empty keeps the endpoint private only. */
    publicAccessCidrs: z.array(ipv4Cidr).default([]),
    /** The managed node group for Karpenter and other system pods (never on Karpenter's own nodes). */
    systemNodes: z
      .object({
        /** Instance types of the node group, all of one CPU architecture, e.g. ["m6i.large"]. */
        instanceTypes: z.array(z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, { message: 'must be an instance type like "m6i.large"' })).min(1),
        /** At least 2, one per zone for the 2 replicas of each platform controller. */
        minSize: z.number().int().min(2, { message: "must be at least 2 so each platform controller keeps 2 replicas on 2 nodes" }),
        /** Most nodes of the group, at least `minSize`. */
        maxSize: z.number().int().min(2),
        /**
         * EKS-optimized AMI release of the node group, e.g. "1.35.0-20260129" (Kubernetes version, then the AMI date);
         * required unless `allowLatestAmi` (then the newest release at creation and at each version change).
         */
        releaseVersion: z
          .string()
          .regex(/^1\.[0-9]{2}\.[0-9]+-[0-9]{8}$/, { message: 'must be an EKS AMI release version like "1.35.0-20260129"' })
          .optional(),
      })
      .strict()
      .default({ instanceTypes: ["m6i.large"], minSize: 2, maxSize: 3 }),
    /** Every instance type a NodePool allows must fit at least this many pods (VPC CNI limit). */
    minPodsPerNode: z.number().int().min(1).max(737).default(29),
    /** AMI of Karpenter's nodes as an EC2NodeClass alias, pinned like "al2023@v20260129"; "@latest" needs `allowLatestAmi`. */
    amiAlias: z
      .string()
      .regex(/^(al2023|al2|bottlerocket)@(latest|v[0-9.]+)$/, { message: 'must be an alias like "al2023@v20260129" or "al2023@latest"' })
      .default("al2023@latest"),
    /**
     * Opt in to unpinned node images: `amiAlias` "@latest" and no `systemNodes.releaseVersion`. Every AMI release then
     * replaces every node; fine for dev, not for prod.
     */
    allowLatestAmi: z.boolean().default(false),
    /**
     * The account's Spot service-linked role (AWSServiceRoleForEC2Spot), without which Karpenter finds no Spot capacity:
     * "create" makes it in the account's first cluster stack; "exists" when the account already has it (creating it again fails).
     */
    spotServiceLinkedRole: z.enum(["create", "exists"]).default("create"),
    /** Karpenter NodePools by name (a-z, 0-9, '-'). */
    nodePools: z.record(z.string().regex(SAFE_NAME, { message: SAFE_NAME_HINT }), eksNodePoolSchema),
  })
  .strict();

/** Overrides of one alarm's defaults (planning/alarm-defaults.ts); what is left out keeps the default. */
export const alarmOverrideSchema = z
  .object({
    /** Static threshold, or the anomaly band's width in standard deviations for an anomaly alarm. */
    threshold: z.number().min(0).optional(),
    /** Consecutive periods the condition must hold before the alarm fires. */
    evaluationPeriods: z.number().int().min(1).max(1440).optional(),
    /** Length of one period in seconds (60 or a multiple of 60). */
    periodSeconds: z
      .number()
      .int()
      .refine((s) => s >= 60 && s % 60 === 0, { message: "must be 60 or a multiple of 60 seconds, e.g. 300" })
      .optional(),
  })
  .strict();

/** Where the pages of an environment's alarms go: SNS subscriptions of its alarm topics. */
export const alarmSubscriptionSchema = z
  .object({
    /** SNS protocol of the subscription. */
    protocol: z.enum(["email", "https", "sqs", "lambda"]),
    /** An e-mail address, an HTTPS URL, or a queue or function ARN, as the protocol needs. */
    endpoint: z.string().min(3),
  })
  .strict();

/** Days per log tier at org level: every environment starts from these. */
const logRetentionSchema = z
  .object({
    /** Days for security logs: VPC flow logs, EKS control plane and audit. */
    security: logRetentionDays.default(DEFAULT_LOG_RETENTION.security),
    /** Days for application logs: Batch job output. */
    application: logRetentionDays.default(DEFAULT_LOG_RETENTION.application),
    /** Days for short-lived troubleshooting logs. */
    debug: logRetentionDays.default(DEFAULT_LOG_RETENTION.debug),
  })
  .strict();

/**
 * Log tiers, and alarms with the monitoring account's view of every account. Alarms (and the alarm,
 * dashboard and monitoring stacks) exist only when `alarms` is given (it may be empty, {}); they need an
 * account with role "monitoring".
 */
export const orgObservabilitySchema = z
  .object({
    /** Days CloudWatch Logs keeps each tier's log groups; environments may override each tier. */
    logRetention: logRetentionSchema.default({ ...DEFAULT_LOG_RETENTION }),
    /** Alarm thresholds by alarm id, over the documented defaults; none means no alarms. */
    alarms: z.partialRecord(z.enum(ALARM_IDS), alarmOverrideSchema).optional(),
    /** Who gets paged: SNS subscriptions of every environment's alarm topics. */
    subscriptions: z.array(alarmSubscriptionSchema).default([]),
  })
  .strict();

/** An environment's overrides: log tiers left out keep the org's days; an alarm's fields merge over the org's. */
export const environmentObservabilitySchema = z
  .object({
    logRetention: z
      .object({ security: logRetentionDays.optional(), application: logRetentionDays.optional(), debug: logRetentionDays.optional() })
      .strict()
      .optional(),
    alarms: z.partialRecord(z.enum(ALARM_IDS), alarmOverrideSchema).optional(),
    subscriptions: z.array(alarmSubscriptionSchema).optional(),
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
    /**
     * Interface endpoints in the private subnets, as the service part after "com.amazonaws.<region>."
     * (e.g. "ecr.api"). The default covers what private EKS nodes need to pull images and join.
     */
    interfaceEndpoints: z
      .array(
        z.string().regex(/^(?!com\.amazonaws\.)[a-z0-9-]+(\.[a-z0-9-]+)*$/, {
          message: 'must be the service part after "com.amazonaws.<region>.", like "ecr.api" or "logs"',
        }),
      )
      .default([...DEFAULT_INTERFACE_ENDPOINTS]),
    /** Dual-stack VPC: an Amazon-provided IPv6 /56, a /64 per subnet, egress-only internet gateway. */
    ipv6: z.boolean().default(false),
    /** RAM share principals: each workload account, or the OUs that hold them (ARNs under the management account). */
    shareWith: z.enum(["accounts", "ou"]).default("accounts"),
    /** Subnet tiers shared with the workload accounts; the transit tier is never shared. */
    sharedTiers: z.array(z.enum(SHAREABLE_TIERS)).min(1).default(["private", "data"]),
    /** AWS Batch in blue-green compute environments; none means no Batch stacks. */
    batch: batchSchema.optional(),
    /** EKS clusters with Karpenter and the EFS CSI driver; none means no EKS stacks. */
    eks: eksSchema.optional(),
    /** Log retention per tier for this environment's log groups, over the org's `observability`. */
    observability: environmentObservabilitySchema.optional(),
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
    organizationId: z.string().regex(/^o-[a-z0-9]{10,32}$/, { message: 'must be an AWS Organizations id like "o-a1b2c3d4e5"' }),
    /** Region that holds every account's state bucket. */
    stateRegion: z.string(),
    /**
     * Break-glass role in every account (the Organizations admin role by default): used for the very
     * first bootstrap apply and emergencies only (`ORGPLAT_ROLE=break-glass`), never by CI.
     */
    accessRoleName: iamRoleName("OrganizationAccountAccessRole"),
    /** Roles per purpose that every account's bootstrap stack creates, and who may assume them. */
    access: accessSchema.default({
      planRoleName: "orgplat-plan",
      deployRoleName: "orgplat-deploy",
      stateReaderRoleName: "orgplat-state-reader",
      operators: { plan: [], deploy: [] },
    }),
    /**
     * Where the bootstrap stacks keep their own state: "local" for the very first apply
     * (the bucket does not exist yet), then "s3" after `terraform init -migrate-state`.
     */
    bootstrapBackend: z.enum(["local", "s3"]).default("local"),
    /** OU name → OU id, e.g. { "workloads-prod": "ou-ab12-cd34ef56" }. */
    organizationalUnits: z.record(
      z.string(),
      z.string().regex(/^(r-[a-z0-9]{4,32}|ou-[a-z0-9]{4,32}-[a-z0-9]{8,32})$/, {
        message: 'must be an OU id like "ou-ab12-cd34ef56" or the root id like "r-ab12"',
      }),
    ),
    /** Every account of the organization orgplat manages or names. */
    accounts: z.array(accountSchema).min(1),
    /** Regions the organization runs in, by region name (e.g. "us-east-1"). */
    regions: z.record(z.string(), regionSchema),
    /** Environments by name (e.g. "dev"), each with its VPCs and what runs in them. */
    environments: z.record(z.string(), environmentSchema),
    /** Log retention tiers; alarms, dashboards and the monitoring account's view of every account. */
    observability: orgObservabilitySchema.default({ logRetention: { ...DEFAULT_LOG_RETENTION }, subscriptions: [] }),
    /** Regions, AZ IDs or EKS versions AWS launched after planning/aws-facts.ts was last updated. */
    awsFacts: awsFactsSchema.optional(),
    /**
     * ENI limits of instance types newer than the generated table (planning/instance-eni-limits.ts),
     * from `aws ec2 describe-instance-types --instance-types T` (NetworkInfo), e.g. { "m9x.large": { enis: 3, ipv4PerEni: 10 } }.
     */
    eniLimits: z
      .record(
        z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, { message: 'must be an instance type like "m9x.large"' }),
        z
          .object({
            /** NetworkInfo.MaximumNetworkInterfaces (of the default network card). */
            enis: z.number().int().min(1),
            /** NetworkInfo.Ipv4AddressesPerInterface. */
            ipv4PerEni: z.number().int().min(2),
            /** CPU architecture (ProcessorInfo.SupportedArchitectures: x86_64 is amd64). @default "amd64" */
            architecture: z.enum(["amd64", "arm64"]).optional(),
          })
          .strict(),
      )
      .optional(),
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
export type BatchConfig = z.output<typeof batchSchema>;
export type BatchColourConfig = z.output<typeof batchColourSchema>;
export type BatchJobConfig = z.output<typeof batchJobSchema>;
export type EksConfig = z.output<typeof eksSchema>;
export type EksNodePoolConfig = z.output<typeof eksNodePoolSchema>;
export type AccessConfig = z.output<typeof accessSchema>;
export type ObservabilityConfig = z.output<typeof orgObservabilitySchema>;
export type AlarmOverrideConfig = z.output<typeof alarmOverrideSchema>;
export type AlarmSubscriptionConfig = z.output<typeof alarmSubscriptionSchema>;

export { SAFE_NAME, SAFE_NAME_HINT };
