/**
 * ARNs in the partition of the region they live in. An organization lives in one partition
 * (commercial, GovCloud or China; `environments/rules.ts` refuses a mix), and every ARN the product
 * writes names it, so each is built here rather than spelled "arn:aws:" where it is needed.
 */

export const PARTITIONS = ["aws", "aws-us-gov", "aws-cn"] as const;
export type Partition = (typeof PARTITIONS)[number];

/** The partition of a region: "us-gov-west-1" → "aws-us-gov", "cn-north-1" → "aws-cn", any other → "aws". */
export function partitionOf(region: string): Partition {
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("cn-")) return "aws-cn";
  return "aws";
}

/** The partition an ARN names ("arn:aws-us-gov:iam::…" → "aws-us-gov"). */
export function partitionOfArn(arn: string): Partition {
  const partition = arn.split(":")[1];
  if (!(PARTITIONS as readonly string[]).includes(partition)) throw new Error(`"${arn}" is not an ARN of a known partition (${PARTITIONS.join(", ")})`);
  return partition as Partition;
}

export interface ArnParts {
  readonly service: string;
  /** @default "" (global services: IAM, Organizations, and AWS-managed EKS access policies) */
  readonly region?: string;
  /** Account id, or "aws" for AWS-managed policies. @default "" (resources with no owner account, e.g. public AMIs' region-wide patterns) */
  readonly account?: string;
  /** Resource part, e.g. "role/deploy" or "cluster/*". */
  readonly resource: string;
}

/** "arn:<partition>:<service>:<region>:<account>:<resource>". */
export function arnOf(partition: Partition, parts: ArnParts): string {
  return `arn:${partition}:${parts.service}:${parts.region ?? ""}:${parts.account ?? ""}:${parts.resource}`;
}

/** An ARN of a regional resource, in the region's partition. */
export function regionalArn(region: string, service: string, account: string, resource: string): string {
  return arnOf(partitionOf(region), { service, region, account, resource });
}

/** The account itself as an IAM principal ("arn:aws:iam::111111111111:root"). */
export function accountRootArn(partition: Partition, accountId: string): string {
  return arnOf(partition, { service: "iam", account: accountId, resource: "root" });
}

/** An AWS-managed IAM policy, e.g. "AmazonEKSClusterPolicy" or "service-role/AWSBatchServiceRole". */
export function awsManagedPolicyArn(partition: Partition, name: string): string {
  return arnOf(partition, { service: "iam", account: "aws", resource: `policy/${name}` });
}
