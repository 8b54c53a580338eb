import { arnOf, partitionOf } from "../../planning/partition";

/**
 * Where the log-archive account keeps the flow logs of one region: "<org>-flow-logs-<account id>-<region>".
 * Derived, like state bucket names, so the network stacks name the bucket without reading the
 * log-archive stack's state (and without a role in the log-archive account).
 */
export function flowLogArchiveBucketName(orgName: string, archiveAccountId: string, region: string): string {
  return `${orgName}-flow-logs-${archiveAccountId}-${region}`;
}

/** The destination a VPC's archive flow log writes to: the region's archive bucket, one folder per environment. */
export function flowLogArchiveDestination(orgName: string, archiveAccountId: string, region: string, environment: string): string {
  return arnOf(partitionOf(region), { service: "s3", resource: `${flowLogArchiveBucketName(orgName, archiveAccountId, region)}/${environment}` });
}
