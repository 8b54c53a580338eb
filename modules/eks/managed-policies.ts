/** ARN of an AWS-managed IAM policy, e.g. "AmazonEKSClusterPolicy" or "service-role/AmazonEFSCSIDriverPolicy". */
export function awsManagedPolicyArn(name: string): string {
  return `arn:aws:iam::aws:policy/${name}`;
}

/** What every EKS worker node needs: join the cluster, run the VPC CNI, pull images, be reachable by SSM. */
export const NODE_MANAGED_POLICIES = [
  "AmazonEKSWorkerNodePolicy",
  "AmazonEKS_CNI_Policy",
  "AmazonEC2ContainerRegistryPullOnly",
  "AmazonSSMManagedInstanceCore",
] as const;
