/**
 * Resource types whose destruction loses data that no apply brings back: destroying or
 * replacing one of them in a plan earns a loud warning. prevent_destroy (guardrail ORG-DATA-1)
 * stops a destroy while the resource is still in the configuration, but not once its block is
 * removed, which is exactly how such a plan reaches a pull request.
 */
export const DATA_HOLDING_TYPES: Readonly<Record<string, string>> = {
  aws_s3_bucket: "S3 bucket (state, objects)",
  aws_efs_file_system: "EFS file system",
  aws_kms_key: "KMS key (everything encrypted with it becomes unreadable)",
  aws_eks_cluster: "EKS cluster (workloads, etcd)",
  aws_dynamodb_table: "DynamoDB table",
  aws_db_instance: "RDS instance",
  aws_rds_cluster: "RDS cluster",
  aws_ebs_volume: "EBS volume",
  aws_ecr_repository: "ECR repository (images)",
  aws_secretsmanager_secret: "Secrets Manager secret",
  aws_backup_vault: "Backup vault",
  // Deleting a log group deletes its events: flow logs and audit trails are evidence.
  aws_cloudwatch_log_group: "CloudWatch log group (its log events)",
};

/** What a resource type holds, or undefined when losing it loses no data. */
export function dataHeldBy(resourceType: string): string | undefined {
  return DATA_HOLDING_TYPES[resourceType];
}
