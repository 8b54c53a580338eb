import type { AlarmId, AlarmThreshold } from "./alarm-defaults";
import type { InstanceTypeTable } from "./max-pods";
import type { BatchColour, SubnetTier } from "./names";
import type {
  AccessConfig,
  AlarmSubscriptionConfig,
  AccountRole,
  BatchColourConfig,
  BatchJobConfig,
  EksConfig,
  LogTier,
  RegionGroup,
  ShareableTier,
} from "../environments/schema";

/** Days CloudWatch Logs keeps a log group, by the tier the group declares. */
export type LogRetentionModel = Readonly<Record<LogTier, number>>;

/**
 * The organization after validation and resolution: what every stack and module reads.
 * Nothing downstream parses config or computes addresses; it is all here.
 */
export interface OrgModel {
  readonly name: string;
  readonly owner: string;
  readonly organizationId: string;
  readonly stateRegion: string;
  /** Break-glass role (the Organizations admin role by default): never assumed unless `ORGPLAT_ROLE=break-glass`. */
  readonly accessRoleName: string;
  /** Roles per purpose in every account, and who may assume them. */
  readonly access: AccessModel;
  readonly bootstrapBackend: "local" | "s3";
  readonly organizationalUnits: Readonly<Record<string, string>>;
  readonly accounts: readonly AccountModel[];
  /** The one account that owns the VPCs and Transit Gateways. */
  readonly networkAccount: AccountModel;
  /** The account with the OAM sink and the dashboards; undefined when the org names none. */
  readonly monitoringAccount?: AccountModel;
  readonly regions: Readonly<Record<string, RegionModel>>;
  readonly environments: readonly EnvironmentModel[];
  /** The org's log tiers: what stacks outside any environment (e.g. the log archive) keep by. */
  readonly logRetention: LogRetentionModel;
}

/** Role names per purpose, the GitHub repository CI runs from, and the people who may plan or deploy. */
export type AccessModel = Readonly<AccessConfig>;

export interface AccountModel {
  readonly id: string;
  readonly name: string;
  readonly role: AccountRole;
  /** OU name (key of `OrgModel.organizationalUnits`). */
  readonly ou: string;
}

export interface RegionModel {
  readonly name: string;
  readonly group: RegionGroup;
  /** AZ IDs in configured order, e.g. ["use1-az1", "use1-az2"]. */
  readonly azIds: readonly string[];
  readonly addressSpace: string;
  readonly transitGatewayAsn: number;
}

export interface EnvironmentModel {
  readonly name: string;
  readonly routingDomain: string;
  readonly natGateways: "one-per-az" | "single";
  /** The org's log tiers with this environment's overrides. */
  readonly logRetention: LogRetentionModel;
  /** Interface endpoint services (e.g. "ecr.api") in the private subnets of every VPC. */
  readonly interfaceEndpoints: readonly string[];
  /** Dual-stack VPCs (IPv6 /56 per VPC, /64 per subnet). */
  readonly ipv6: boolean;
  /** RAM share principals: the workload accounts themselves, or their OUs. */
  readonly shareWith: "accounts" | "ou";
  /** Subnet tiers the workload accounts may use. */
  readonly sharedTiers: readonly ShareableTier[];
  readonly workloadAccounts: readonly AccountModel[];
  /** One VPC per region the environment runs in, in the org's region order. */
  readonly vpcs: readonly VpcModel[];
  /** AWS Batch, when the environment runs it. */
  readonly batch?: BatchModel;
  /** EKS clusters, when the environment runs them. */
  readonly eks?: EksModel;
  /** Alarm thresholds and subscriptions, when the org configures observability. */
  readonly observability?: ObservabilityModel;
}

/** An environment's alarm thresholds (defaults, org overrides, then the environment's) and its page subscriptions. */
export interface ObservabilityModel {
  readonly thresholds: Readonly<Record<AlarmId, AlarmThreshold>>;
  readonly subscriptions: readonly AlarmSubscriptionConfig[];
}

/** Batch of one environment: where it runs, each deployed colour, and which colour takes jobs. */
export interface BatchModel {
  /** Regions with a Batch stack, in the org's region order. */
  readonly regions: readonly string[];
  /** Settings of each deployed colour; a colour missing here is being (or has been) removed. */
  readonly colours: Readonly<Partial<Record<BatchColour, BatchColourConfig>>>;
  /** The colour every queue offers first. */
  readonly active: BatchColour;
  /** The colour still in the queues after the active one while its jobs finish. */
  readonly draining?: BatchColour;
  readonly jobDefinitions: Readonly<Record<string, BatchJobConfig>>;
}

/** EKS of one environment: the config, with `regions` in the org's region order. */
export type EksModel = Readonly<EksConfig> & {
  /**
   * Instance types the nodes may use: the generated table plus the org file's `eniLimits`.
   * @default INSTANCE_TYPES (planning/max-pods.ts)
   */
  readonly instanceTypes?: InstanceTypeTable;
};

/** A shared VPC with every subnet CIDR already carved, keyed by tier and AZ ID. */
export interface VpcModel {
  readonly environment: string;
  readonly region: RegionModel;
  readonly cidr: string;
  readonly subnets: Readonly<Record<SubnetTier, Readonly<Record<string, string>>>>;
  /** AZ IDs whose subnet CIDR the org file pins, per tier. */
  readonly pinnedAzIds: Readonly<Record<SubnetTier, readonly string[]>>;
  /** /64 number of each subnet inside the VPC's IPv6 /56 (used when the environment is dual-stack), by tier and AZ ID. */
  readonly ipv6Netnums: Readonly<Record<SubnetTier, Readonly<Record<string, number>>>>;
}
