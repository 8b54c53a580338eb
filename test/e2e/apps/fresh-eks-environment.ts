import { App } from "cdktf";
import { loadOrg } from "../../../environments/load";
import { BootstrapStack } from "../../../stacks/bootstrap-stack";
import { EksAddonsStack } from "../../../stacks/eks-addons-stack";
import { EksClusterStack } from "../../../stacks/eks-cluster-stack";
import { EksCrdsStack } from "../../../stacks/eks-crds-stack";
import { bootstrapLocalStatePath } from "../../../stacks/org-app";
import { bootstrapStackName, environmentStackName } from "../../../stacks/stack-names";
import { StandInNetworkStack } from "../../support/stand-in-network-stack";

/**
 * The app `test/e2e/cdktf-deploy.e2e.test.ts` hands the cdktf CLI: dev's us-east-1 EKS stacks,
 * built exactly as stacks/org-app.ts builds them, on a stand-in network stack under the real
 * network stack's name (moto has no RAM sharing, so the workload account makes its own VPC and
 * subnets; moto-gaps.ts), with the workload account's bootstrap stack for the state bucket.
 *   ORGPLAT_AWS_ENDPOINT  moto_server URL (required)
 *   CDKTF_OUTDIR          set by the CLI
 */
const endpoint = process.env.ORGPLAT_AWS_ENDPOINT;
if (!endpoint) throw new Error("ORGPLAT_AWS_ENDPOINT is required: this app only ever deploys to moto_server");
const region = "us-east-1";
const org = loadOrg();
const env = org.environments.find((e) => e.name === "dev")!;
const account = env.workloadAccounts[0];
const target = { emulatorEndpoint: endpoint };
const vpcModel = env.vpcs.find((v) => v.region.name === region)!;
const app = new App({ outdir: process.env.CDKTF_OUTDIR || "cdktf.out", skipBackendValidation: true });
const bootstrap = bootstrapStackName(account);
new BootstrapStack(app, bootstrap, { org, account, target, localStatePath: bootstrapLocalStatePath(bootstrap) });
const network = new StandInNetworkStack(app, environmentStackName(env.name, region, "network"), { org, account, region, environment: env.name, target, vpcModel });
const cluster = new EksClusterStack(app, environmentStackName(env.name, region, "eks-cluster"), {
  org,
  environmentModel: env,
  eks: env.eks!,
  target,
  vpcModel,
  network,
  ownsSpotServiceLinkedRole: true,
});
const crds = new EksCrdsStack(app, environmentStackName(env.name, region, "eks-crds"), { org, environmentModel: env, target, cluster });
new EksAddonsStack(app, environmentStackName(env.name, region, "eks-addons"), { org, environmentModel: env, eks: env.eks!, target, cluster, crds });
app.synth();
