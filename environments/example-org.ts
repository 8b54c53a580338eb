import type { OrgConfigInput } from "./schema";

/**
 * The bundled example organization. Account and organization ids are deliberately fake
 * (repeated digits). examples/org.yaml is this org as YAML (`npm run org-files`); point orgplat.json's
 * "org" (or ORGPLAT_ORG) at your own .json or .yaml file of the same shape.
 */

const tiers = {
  public: { prefixLength: 24 },
  private: { prefixLength: 20 },
  data: { prefixLength: 24 },
  transit: { prefixLength: 28 },
};

/** AZ IDs of each region when this organization was first applied, before the stable address plan. */
const firstAzIds = {
  "us-east-1": ["use1-az1", "use1-az2", "use1-az4"],
  "eu-west-1": ["euw1-az1", "euw1-az2", "euw1-az3"],
  "ap-southeast-1": ["apse1-az1", "apse1-az2", "apse1-az3"],
} as const;

/** A VPC in `region`: the subnets of the first AZ IDs keep their packed CIDRs, later AZ IDs take stable slots. */
const vpcIn = (region: keyof typeof firstAzIds, vpcCidr: string) => ({ vpcCidr, subnets: tiers, packedAzIds: [...firstAzIds[region]] });

/** Batch compute of one colour: Spot first, On-Demand fallback, both scaling from zero. */
const batchCompute = { instanceTypes: ["m6i", "c6i"], maxVcpus: 256, spotAllocationStrategy: "SPOT_PRICE_CAPACITY_OPTIMIZED", rootVolumeGiB: 50 } as const;

const batchJobs = {
  "nightly-report": {
    image: "public.ecr.aws/docker/library/busybox:1.36",
    vcpus: 1,
    memoryMiB: 2048,
    command: ["echo", "report"],
    retryAttempts: 3,
    timeoutSeconds: 3600,
  },
};

/** Karpenter's general-purpose pool: current x86 families from large to 2xlarge (29 to 58 pods per node). */
const generalNodePool = {
  instanceFamilies: ["m6i", "c6i", "r6i", "m7i"],
  instanceSizes: ["large", "xlarge", "2xlarge"],
  capacityTypes: ["spot", "on-demand"],
  cpuLimit: 64,
  memoryLimitGiB: 256,
  consolidationPolicy: "WhenEmptyOrUnderutilized",
  consolidateAfter: "1m",
  expireAfter: "720h",
  maxDisruptedPercent: 10,
} as const;

export const exampleOrg: OrgConfigInput = {
  name: "example",
  owner: "platform-team",
  organizationId: "o-exampleorg1",
  stateRegion: "us-east-1",
  accessRoleName: "OrganizationAccountAccessRole",
  access: {
    planRoleName: "orgplat-plan",
    deployRoleName: "orgplat-deploy",
    stateReaderRoleName: "orgplat-state-reader",
    github: { repository: "example-org/platform", driftBranch: "main" },
    operators: {
      plan: ["arn:aws:iam::111111111111:role/platform-engineers"],
      deploy: ["arn:aws:iam::111111111111:role/platform-leads"],
    },
  },
  bootstrapBackend: "local",
  organizationalUnits: {
    root: "r-exmp",
    infrastructure: "ou-exmp-11111111",
    security: "ou-exmp-22222222",
    "workloads-nonprod": "ou-exmp-33333333",
    "workloads-prod": "ou-exmp-44444444",
  },
  accounts: [
    { id: "111111111111", name: "management", role: "management", ou: "root" },
    { id: "222222222222", name: "network", role: "network", ou: "infrastructure" },
    { id: "333333333333", name: "shared-services", role: "shared-services", ou: "infrastructure" },
    { id: "444444444444", name: "log-archive", role: "log-archive", ou: "security" },
    { id: "555555555555", name: "workload-dev", role: "workload", ou: "workloads-nonprod" },
    { id: "666666666666", name: "workload-staging", role: "workload", ou: "workloads-nonprod" },
    { id: "777777777777", name: "workload-prod", role: "workload", ou: "workloads-prod" },
    { id: "888888888888", name: "monitoring", role: "monitoring", ou: "security" },
  ],
  regions: {
    "us-east-1": { group: "us", azIds: [...firstAzIds["us-east-1"]], addressSpace: "10.0.0.0/12", transitGatewayAsn: 64512 },
    "eu-west-1": { group: "eu", azIds: [...firstAzIds["eu-west-1"]], addressSpace: "10.16.0.0/12", transitGatewayAsn: 64513 },
    "ap-southeast-1": { group: "asia", azIds: [...firstAzIds["ap-southeast-1"]], addressSpace: "10.32.0.0/12", transitGatewayAsn: 64514 },
  },
  observability: {
    // Days per log tier (the defaults, written out); an environment may override any tier.
    logRetention: { security: 365, application: 90, debug: 7 },
    // Alarm thresholds: the defaults (docs/observability.md) except where the org knows better.
    alarms: { "state-bucket-4xx": { threshold: 100 } },
    subscriptions: [{ protocol: "email", endpoint: "platform-oncall@example.com" }],
  },
  environments: {
    dev: {
      workloadAccounts: ["workload-dev"],
      routingDomain: "nonprod",
      natGateways: "single",
      // IPv4 only: the dev environment is the one applied to moto, which cannot apply IPv6 subnets.
      ipv6: false,
      // dev keeps flow logs and control-plane logs a month, not the org's year; its single NAT gateway
      // carries every build's image pulls, so traffic bursts are normal there; nobody is paged for dev.
      observability: { logRetention: { security: 30 }, alarms: { "nat-traffic-anomaly": { threshold: 4 } }, subscriptions: [] },
      shareWith: "accounts",
      // One colour at a time until a change rolls out; see the README's blue-green runbook.
      batch: {
        regions: ["us-east-1"],
        colours: { blue: { ...batchCompute, instanceTypes: [...batchCompute.instanceTypes] } },
        state: { active: "blue" },
        jobDefinitions: batchJobs,
      },
      eks: {
        regions: ["us-east-1"],
        platformAdminRoleArn: "arn:aws:iam::555555555555:role/platform-admin",
        // dev takes every new node image as it comes out (amiAlias defaults to al2023@latest); prod pins below.
        allowLatestAmi: true,
        nodePools: {
          general: {
            ...generalNodePool,
            instanceFamilies: [...generalNodePool.instanceFamilies],
            instanceSizes: [...generalNodePool.instanceSizes],
            capacityTypes: [...generalNodePool.capacityTypes],
          },
        },
      },
      regions: {
        "us-east-1": vpcIn("us-east-1", "10.0.0.0/16"),
        "eu-west-1": vpcIn("eu-west-1", "10.16.0.0/16"),
        "ap-southeast-1": vpcIn("ap-southeast-1", "10.32.0.0/16"),
      },
    },
    staging: {
      workloadAccounts: ["workload-staging"],
      routingDomain: "nonprod",
      natGateways: "single",
      batch: {
        regions: ["us-east-1"],
        colours: { blue: { ...batchCompute, instanceTypes: [...batchCompute.instanceTypes] } },
        state: { active: "blue" },
        jobDefinitions: batchJobs,
      },
      regions: {
        "us-east-1": vpcIn("us-east-1", "10.1.0.0/16"),
        "eu-west-1": vpcIn("eu-west-1", "10.17.0.0/16"),
      },
    },
    prod: {
      workloadAccounts: ["workload-prod"],
      routingDomain: "prod",
      natGateways: "one-per-az",
      ipv6: true,
      // workloads-prod holds only workload-prod, so new prod accounts placed there get the subnets too.
      shareWith: "ou",
      // Internet-facing load balancers of the workload accounts need the public subnets.
      sharedTiers: ["public", "private", "data"],
      interfaceEndpoints: ["ecr.api", "ecr.dkr", "sts", "ec2", "logs", "ssm", "ssmmessages", "ec2messages"],
      batch: {
        regions: ["us-east-1", "eu-west-1"],
        colours: { blue: { ...batchCompute, instanceTypes: [...batchCompute.instanceTypes], maxVcpus: 1024 } },
        state: { active: "blue" },
        jobDefinitions: batchJobs,
      },
      eks: {
        regions: ["us-east-1", "eu-west-1"],
        platformAdminRoleArn: "arn:aws:iam::777777777777:role/platform-admin",
        systemNodes: { instanceTypes: ["m6i.large", "m7i.large"], minSize: 3, maxSize: 4, releaseVersion: "1.35.0-20260129" },
        amiAlias: "al2023@v20260129",
        nodePools: {
          general: {
            ...generalNodePool,
            instanceFamilies: [...generalNodePool.instanceFamilies],
            instanceSizes: [...generalNodePool.instanceSizes],
            capacityTypes: [...generalNodePool.capacityTypes],
            cpuLimit: 256,
            memoryLimitGiB: 1024,
            // No voluntary disruption during European and US business hours (UTC), Monday to Friday.
            quietWindow: { schedule: "0 7 * * mon-fri", duration: "14h" },
          },
        },
      },
      regions: {
        "us-east-1": vpcIn("us-east-1", "10.8.0.0/16"),
        "eu-west-1": vpcIn("eu-west-1", "10.24.0.0/16"),
        "ap-southeast-1": vpcIn("ap-southeast-1", "10.40.0.0/16"),
      },
    },
  },
};
