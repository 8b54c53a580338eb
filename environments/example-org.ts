import type { OrgConfigInput } from "./schema";

/**
 * The bundled example organization. Account and organization ids are deliberately fake
 * (repeated digits); point ORGPLAT_ORG at your own .json or .yaml file of the same shape.
 */

const tiers = {
  public: { prefixLength: 24 },
  private: { prefixLength: 20 },
  data: { prefixLength: 24 },
  transit: { prefixLength: 28 },
};

export const exampleOrg: OrgConfigInput = {
  name: "example",
  owner: "platform-team",
  organizationId: "o-exampleorg1",
  stateRegion: "us-east-1",
  accessRoleName: "OrganizationAccountAccessRole",
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
  ],
  regions: {
    "us-east-1": { group: "us", azIds: ["use1-az1", "use1-az2", "use1-az4"], addressSpace: "10.0.0.0/12", transitGatewayAsn: 64512 },
    "eu-west-1": { group: "eu", azIds: ["euw1-az1", "euw1-az2", "euw1-az3"], addressSpace: "10.16.0.0/12", transitGatewayAsn: 64513 },
    "ap-southeast-1": { group: "asia", azIds: ["apse1-az1", "apse1-az2", "apse1-az3"], addressSpace: "10.32.0.0/12", transitGatewayAsn: 64514 },
  },
  environments: {
    dev: {
      workloadAccounts: ["workload-dev"],
      routingDomain: "nonprod",
      natGateways: "single",
      regions: {
        "us-east-1": { vpcCidr: "10.0.0.0/16", subnets: tiers },
        "eu-west-1": { vpcCidr: "10.16.0.0/16", subnets: tiers },
        "ap-southeast-1": { vpcCidr: "10.32.0.0/16", subnets: tiers },
      },
    },
    staging: {
      workloadAccounts: ["workload-staging"],
      routingDomain: "nonprod",
      natGateways: "single",
      regions: {
        "us-east-1": { vpcCidr: "10.1.0.0/16", subnets: tiers },
        "eu-west-1": { vpcCidr: "10.17.0.0/16", subnets: tiers },
      },
    },
    prod: {
      workloadAccounts: ["workload-prod"],
      routingDomain: "prod",
      natGateways: "one-per-az",
      regions: {
        "us-east-1": { vpcCidr: "10.8.0.0/16", subnets: tiers },
        "eu-west-1": { vpcCidr: "10.24.0.0/16", subnets: tiers },
        "ap-southeast-1": { vpcCidr: "10.40.0.0/16", subnets: tiers },
      },
    },
  },
};
