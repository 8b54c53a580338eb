/**
 * AWS services the product calls. When synthesizing for an emulator every one of them is
 * pointed at it: a service left out would silently reach real AWS.
 */
export const EMULATED_SERVICES = [
  "autoscaling",
  "batch",
  "cloudwatch",
  "dynamodb",
  "ec2",
  "ecr",
  "efs",
  "eks",
  "elbv2",
  "events",
  "iam",
  "kms",
  "logs",
  "organizations",
  "pricing",
  "ram",
  "s3",
  "sns",
  "sqs",
  "ssm",
  "sts",
] as const;

/** `{ ec2: url, s3: url, ... }` for every emulated service. */
export function emulatorEndpoints(url: string): Record<(typeof EMULATED_SERVICES)[number], string> {
  return Object.fromEntries(EMULATED_SERVICES.map((service) => [service, url])) as Record<(typeof EMULATED_SERVICES)[number], string>;
}
