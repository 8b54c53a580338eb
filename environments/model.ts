import type { AccountRole, RegionGroup, SubnetTier } from "./schema";

/**
 * The organization after validation and resolution: what every stack and module reads.
 * Nothing downstream parses config or computes addresses; it is all here.
 */
export interface OrgModel {
  readonly name: string;
  readonly owner: string;
  readonly organizationId: string;
  readonly stateRegion: string;
  readonly accessRoleName: string;
  readonly bootstrapBackend: "local" | "s3";
  readonly organizationalUnits: Readonly<Record<string, string>>;
  readonly accounts: readonly AccountModel[];
  /** The one account that owns the VPCs and Transit Gateways. */
  readonly networkAccount: AccountModel;
  readonly regions: Readonly<Record<string, RegionModel>>;
  readonly environments: readonly EnvironmentModel[];
}

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
  readonly workloadAccounts: readonly AccountModel[];
  /** One VPC per region the environment runs in, in the org's region order. */
  readonly vpcs: readonly VpcModel[];
}

/** A shared VPC with every subnet CIDR already carved, keyed by tier and AZ ID. */
export interface VpcModel {
  readonly environment: string;
  readonly region: RegionModel;
  readonly cidr: string;
  readonly subnets: Readonly<Record<SubnetTier, Readonly<Record<string, string>>>>;
}
