const CLUSTER_ADMIN_POLICY_ARN = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";
const CLUSTER_VIEW_POLICY_ARN = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy";
import { PLAN_READER_GROUP } from "../../modules/eks/plan-reader-rbac";
import { resolveOrg } from "../../environments/load";
import { buildTestOrg, exampleOrgInput, exampleOrgModel, findStack, resourcesOf, synthStack } from "../support/synth";

const subnetFromNetworkState = (azId: string) => `\${data.terraform_remote_state.state-of-dev-us-east-1-network.outputs.subnet_ids.private["${azId}"]}`;

describe("the EKS cluster stacks", () => {
  const org = exampleOrgModel();
  const stacks = buildTestOrg(org);
  const stack = findStack(stacks.eksClusters, "dev-us-east-1-eks-cluster");
  const { json } = synthStack(stack);
  const azIds = org.regions["us-east-1"].azIds;
  const policyDocuments = Object.values(json.data?.aws_iam_policy_document ?? {}) as { statement: Record<string, unknown>[] }[];

  it("exist per environment × configured EKS region, named <env>-<region>-eks-cluster", () => {
    expect(stacks.eksClusters.map((s) => s.node.id).sort()).toEqual(["dev-us-east-1-eks-cluster", "prod-eu-west-1-eks-cluster", "prod-us-east-1-eks-cluster"]);
  });

  it("deploy into the environment's first workload account with the AWS provider alone", () => {
    expect(json.provider?.aws[0]).toMatchObject({ region: "us-east-1", allowed_account_ids: ["555555555555"] });
    expect(Object.keys(json.terraform!.required_providers as object)).toEqual(["aws"]);
    expect((json.terraform!.backend as { s3: { key: string; bucket: string } }).s3).toMatchObject({
      bucket: "example-tfstate-555555555555",
      key: "dev-us-east-1-eks-cluster/terraform.tfstate",
    });
  });

  it("take the shared private subnets from the network stack's state, by AZ ID, never by tag", () => {
    const [cluster] = resourcesOf(json, "aws_eks_cluster") as { vpc_config: { subnet_ids: string[] } }[];
    expect(cluster.vpc_config.subnet_ids).toEqual(azIds.map(subnetFromNetworkState));
    expect(json.data).not.toHaveProperty("aws_subnet");
    expect(json.data).not.toHaveProperty("aws_subnets");
    expect(stack.dependencies.map((d) => d.node.id)).toContain("dev-us-east-1-network");
  });

  it("keep the API endpoint private and secrets encrypted with the cluster key", () => {
    expect(resourcesOf(json, "aws_eks_cluster")[0]).toMatchObject({
      vpc_config: { endpoint_private_access: true, endpoint_public_access: false },
      encryption_config: { resources: ["secrets"] },
      access_config: { authentication_mode: "API" },
    });
  });

  it("put one EFS mount target in the shared private subnet of each configured AZ ID", () => {
    const targets = resourcesOf(json, "aws_efs_mount_target");
    expect(targets.map((t) => t.subnet_id).sort()).toEqual(azIds.map(subnetFromNetworkState).sort());
  });

  it("pin every IRSA trust to one service account with StringEquals on sub and aud", () => {
    const trusts = policyDocuments.flatMap((d) => d.statement).filter((s) => (s.actions as string[]).includes("sts:AssumeRoleWithWebIdentity"));
    const subjects = trusts.map((t) => {
      const conditions = t.condition as { test: string; variable: string; values: string[] }[];
      expect(conditions.map((c) => c.test)).toEqual(["StringEquals", "StringEquals"]);
      expect(conditions[1]).toMatchObject({ variable: expect.stringMatching(/:aud$/), values: ["sts.amazonaws.com"] });
      expect(conditions[0].variable).toMatch(/:sub$/);
      return conditions[0].values;
    });
    expect(subjects.sort()).toEqual([
      ["system:serviceaccount:kube-system:aws-node"],
      ["system:serviceaccount:kube-system:efs-csi-controller-sa"],
      ["system:serviceaccount:kube-system:karpenter"],
    ]);
  });

  it('grant no IAM statement "*" or "service:*" actions', () => {
    const actions = policyDocuments
      .flatMap((d) => d.statement)
      .filter((s) => (s.effect ?? "Allow") === "Allow")
      .flatMap((s) => s.actions as string[]);
    expect(actions.length).toBeGreaterThan(20);
    expect(actions.filter((a) => a === "*" || /^[a-z0-9-]+:\*$/.test(a))).toEqual([]);
  });

  it("attach AmazonEFSCSIDriverPolicy to the EFS CSI role", () => {
    expect(resourcesOf(json, "aws_iam_role_policy_attachment").map((a) => a.policy_arn)).toContain(
      "arn:aws:iam::aws:policy/service-role/AmazonEFSCSIDriverPolicy",
    );
  });

  it("admit the deploy role and the configured platform admin as cluster admins, Karpenter's nodes as EC2_LINUX", () => {
    const entries = resourcesOf(json, "aws_eks_access_entry").map((e) => [e.type, e.principal_arn]);
    expect(entries).toEqual(
      expect.arrayContaining([
        ["STANDARD", "arn:aws:iam::555555555555:role/orgplat-deploy"],
        ["STANDARD", "arn:aws:iam::555555555555:role/platform-admin"],
        ["EC2_LINUX", expect.stringMatching(/^\$\{aws_iam_role\.karpenter_node-role_[0-9A-F]{8}\.arn\}$/)],
      ]),
    );
    expect(entries).toHaveLength(4);
  });

  it("admit the plan role read-only: the view policy and the plan readers' group, whose RBAC the CRD stack adds; the deploy role keeps cluster admin", () => {
    const planEntry = resourcesOf(json, "aws_eks_access_entry").find((e) => e.principal_arn === "arn:aws:iam::555555555555:role/orgplat-plan");
    expect(planEntry).toMatchObject({ type: "STANDARD", kubernetes_groups: [PLAN_READER_GROUP] });
    const policies = resourcesOf(json, "aws_eks_access_policy_association").map((a): [string, unknown] => [
      String(a.principal_arn).replace(/_[0-9A-F]{8}\./, "."),
      a.policy_arn,
    ]);
    expect(policies.filter(([principal]) => principal.includes("access_planner"))).toEqual([
      ["${aws_eks_access_entry.access_planner.principal_arn}", CLUSTER_VIEW_POLICY_ARN],
    ]);
    expect(policies.filter(([principal]) => principal.includes("access_deployer"))).toEqual([
      ["${aws_eks_access_entry.access_deployer.principal_arn}", CLUSTER_ADMIN_POLICY_ARN],
    ]);
  });

  it("expose what the add-ons stack needs as outputs", () => {
    expect(Object.keys(json.output ?? {}).sort()).toEqual([
      "cluster_certificate_authority",
      "cluster_endpoint",
      "cluster_name",
      "efs_csi_role_arn",
      "efs_file_system_id",
      "karpenter_controller_role_arn",
      "karpenter_interruption_queue",
      "karpenter_node_instance_profile",
      "node_security_group_id",
      "subnet_ids",
    ]);
  });

  it("run the default Kubernetes version (in standard support) and upgrade at its end rather than bill extended support", () => {
    expect(resourcesOf(json, "aws_eks_cluster")[0]).toMatchObject({
      version: "1.35",
      upgrade_policy: { support_type: "STANDARD" },
      bootstrap_self_managed_addons: false,
    });
  });

  it("install the four managed add-ons at EKS's default version for the configured Kubernetes version", () => {
    const addons = resourcesOf(json, "aws_eks_addon");
    expect(addons.map((a) => a.addon_name).sort()).toEqual(["coredns", "eks-pod-identity-agent", "kube-proxy", "vpc-cni"]);
    for (const addon of addons) expect(addon.addon_version).toMatch(/^\$\{data\.aws_eks_addon_version\..*\.version\}$/);
    const versions = Object.values(json.data!.aws_eks_addon_version) as { addon_name: string; kubernetes_version: string; most_recent: boolean }[];
    expect(versions.map((v) => [v.addon_name, v.kubernetes_version, v.most_recent]).sort()).toEqual([
      ["coredns", "1.35", false],
      ["eks-pod-identity-agent", "1.35", false],
      ["kube-proxy", "1.35", false],
      ["vpc-cni", "1.35", false],
    ]);
  });

  it("give the VPC CNI its own IRSA role with the CNI policy, trusted by kube-system:aws-node only", () => {
    const vpcCni = resourcesOf(json, "aws_eks_addon").find((a) => a.addon_name === "vpc-cni")!;
    expect(vpcCni.service_account_role_arn).toMatch(/^\$\{aws_iam_role\.addons_vpc-cni-role_[0-9A-F]{8}\.arn\}$/);
    const attachment = Object.entries(json.resource!.aws_iam_role_policy_attachment).find(([name]) => name.startsWith("addons_vpc-cni-role_"))![1];
    expect(attachment.policy_arn).toBe("arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy");
  });

  it("start the system nodes after the networking add-ons (nodes turn Ready only with a CNI) and CoreDNS after the nodes", () => {
    const [group] = resourcesOf(json, "aws_eks_node_group") as { depends_on: string[] }[];
    const addonAddress = (name: string) => `aws_eks_addon.${Object.entries(json.resource!.aws_eks_addon).find(([, a]) => a.addon_name === name)![0]}`;
    expect(group.depends_on).toEqual(expect.arrayContaining(["vpc-cni", "kube-proxy", "eks-pod-identity-agent"].map(addonAddress)));
    const coreDns = resourcesOf(json, "aws_eks_addon").find((a) => a.addon_name === "coredns")!;
    expect(coreDns.depends_on).toEqual([expect.stringMatching(/^aws_eks_node_group\./)]);
  });

  it("make the account's Spot service-linked role once per account, in its first cluster stack; later ones wait for it", () => {
    const slrOf = (name: string) => resourcesOf(synthStack(findStack(stacks.eksClusters, name)).json, "aws_iam_service_linked_role");
    expect(slrOf("dev-us-east-1-eks-cluster")).toEqual([expect.objectContaining({ aws_service_name: "spot.amazonaws.com" })]);
    expect(slrOf("prod-us-east-1-eks-cluster")).toEqual([expect.objectContaining({ aws_service_name: "spot.amazonaws.com" })]);
    expect(slrOf("prod-eu-west-1-eks-cluster")).toEqual([]);
    expect(findStack(stacks.eksClusters, "prod-eu-west-1-eks-cluster").dependencies.map((d) => d.node.id)).toContain("prod-us-east-1-eks-cluster");
  });

  it("leave the Spot service-linked role alone in an account that already has it", () => {
    const input = exampleOrgInput();
    input.environments.dev.eks!.spotServiceLinkedRole = "exists";
    const dev = findStack(buildTestOrg(resolveOrg(input, "test-org.yaml")).eksClusters, "dev-us-east-1-eks-cluster");
    expect(resourcesOf(synthStack(dev).json, "aws_iam_service_linked_role")).toEqual([]);
  });

  it("pin prod's node images: the system node group's AMI release", () => {
    const prod = synthStack(findStack(stacks.eksClusters, "prod-us-east-1-eks-cluster")).json;
    expect(resourcesOf(prod, "aws_eks_node_group")[0]).toMatchObject({ release_version: "1.35.0-20260129" });
    expect(resourcesOf(json, "aws_eks_node_group")[0]).not.toHaveProperty("release_version");
  });

  it("size prod's system node group from its config", () => {
    const prod = synthStack(findStack(stacks.eksClusters, "prod-eu-west-1-eks-cluster")).json;
    expect(resourcesOf(prod, "aws_eks_node_group")[0]).toMatchObject({
      instance_types: ["m6i.large", "m7i.large"],
      scaling_config: { min_size: 3, max_size: 4 },
    });
    expect(prod.provider?.aws[0]).toMatchObject({ region: "eu-west-1", allowed_account_ids: ["777777777777"] });
  });
});
