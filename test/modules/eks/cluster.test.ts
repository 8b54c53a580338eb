import { CONTROL_PLANE_LOG_TYPES } from "../../../modules/eks/cluster";
import { onlyResource, statementsOf, synthWith, testCluster } from "./eks-fixture";

describe("EksCluster", () => {
  const json = synthWith((scope) => testCluster(scope));
  const cluster = onlyResource(json, "aws_eks_cluster") as {
    vpc_config: Record<string, unknown>;
    encryption_config: { resources: string[]; provider: { key_arn: string } };
    access_config: Record<string, unknown>;
    enabled_cluster_log_types: string[];
    depends_on: string[];
    upgrade_policy: { support_type: string };
    bootstrap_self_managed_addons: boolean;
    lifecycle: { ignore_changes: string[] };
    version: string;
  };

  it("keeps the API endpoint private", () => {
    expect(cluster.vpc_config).toMatchObject({ endpoint_private_access: true, endpoint_public_access: false });
    expect(cluster.vpc_config).not.toHaveProperty("public_access_cidrs");
  });

  it("opens the public endpoint only to configured CIDRs", () => {
    const open = onlyResource(
      synthWith((scope) => testCluster(scope, { publicAccessCidrs: ["203.0.113.0/24"] })),
      "aws_eks_cluster",
    ) as typeof cluster;
    expect(open.vpc_config).toMatchObject({ endpoint_private_access: true, endpoint_public_access: true, public_access_cidrs: ["203.0.113.0/24"] });
  });

  it("places the control plane in the shared subnets it is given, behind its own security group", () => {
    expect(cluster.vpc_config.subnet_ids).toEqual(["subnet-0aaa1111", "subnet-0bbb2222", "subnet-0ccc4444"]);
    expect(cluster.vpc_config.security_group_ids).toEqual([expect.stringMatching(/^\$\{aws_security_group\.security-groups_cluster_[0-9A-F]{8}\.id\}$/)]);
  });

  it("encrypts secrets with a rotated customer key that refuses destroy", () => {
    const key = Object.entries(json.resource!.aws_kms_key).find(([name]) => name.startsWith("key_"))![1];
    expect(cluster.encryption_config.resources).toEqual(["secrets"]);
    expect(cluster.encryption_config.provider.key_arn).toMatch(/^\$\{aws_kms_key\.key_[0-9A-F]{8}\.arn\}$/);
    expect(key).toMatchObject({ enable_key_rotation: true, lifecycle: { prevent_destroy: true } });
  });

  it("lets the cluster role use the key for envelope encryption, and nothing else of KMS", () => {
    expect(statementsOf(json, "key-use")).toEqual([
      expect.objectContaining({
        actions: ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"],
        resources: [expect.stringMatching(/aws_kms_key\..*\.arn/)],
      }),
    ]);
  });

  it("lets only EKS acting for this account's cluster assume the cluster role (confused deputy)", () => {
    expect(statementsOf(json, "trust")).toEqual([
      expect.objectContaining({
        principals: [{ type: "Service", identifiers: ["eks.amazonaws.com"] }],
        condition: [
          { test: "StringEquals", variable: "aws:SourceAccount", values: ["555555555555"] },
          { test: "ArnLike", variable: "aws:SourceArn", values: [expect.stringMatching(/^arn:aws:eks:us-east-1:555555555555:cluster\/[\w-]+$/)] },
        ],
      }),
    ]);
  });

  it("authenticates through access entries only, with no implicit admin for its creator", () => {
    expect(cluster.access_config).toEqual({ authentication_mode: "API", bootstrap_cluster_creator_admin_permissions: false });
  });

  it("logs every control-plane log type to a security-tier group under the log key, created first", () => {
    expect(cluster.enabled_cluster_log_types).toEqual([...CONTROL_PLANE_LOG_TYPES]);
    expect(onlyResource(json, "aws_cloudwatch_log_group")).toMatchObject({
      name: "/aws/eks/dev-us-east-1/cluster",
      retention_in_days: 30,
      tags: { LogTier: "security" },
      kms_key_id: expect.stringMatching(/^\$\{aws_kms_key\.log-key_\w+\.arn\}$/),
      lifecycle: { prevent_destroy: true },
    });
    expect(cluster.depends_on).toContainEqual(expect.stringMatching(/^aws_cloudwatch_log_group\./));
  });

  it("waits for its role's policies, so they outlive the cluster on destroy (EKS still needs them to remove its ENIs)", () => {
    expect(cluster.depends_on).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^aws_iam_role_policy_attachment\.cluster_cluster-policy_/),
        expect.stringMatching(/^aws_iam_role_policy\.cluster_key-policy_/),
      ]),
    );
  });

  it("runs the configured version, leaves standard support by upgrading (not by billing extended support) unless told", () => {
    expect(cluster.version).toBe("1.33");
    expect(cluster.upgrade_policy).toEqual({ support_type: "STANDARD" });
    const extended = onlyResource(
      synthWith((scope) => testCluster(scope, { supportType: "EXTENDED" })),
      "aws_eks_cluster",
    ) as typeof cluster;
    expect(extended.upgrade_policy).toEqual({ support_type: "EXTENDED" });
  });

  it("is created without EKS's unmanaged add-ons, and an existing cluster is not replaced to get there", () => {
    expect(cluster.bootstrap_self_managed_addons).toBe(false);
    expect(cluster.lifecycle.ignore_changes).toEqual(["bootstrap_self_managed_addons"]);
  });

  it("registers the cluster's OIDC issuer for IRSA, audience sts.amazonaws.com", () => {
    expect(onlyResource(json, "aws_iam_openid_connect_provider")).toMatchObject({
      url: expect.stringMatching(/^\$\{aws_eks_cluster\.cluster_[0-9A-F]{8}\.identity\[0\]\.oidc\[0\]\.issuer\}$/),
      client_id_list: ["sts.amazonaws.com"],
    });
  });
});
