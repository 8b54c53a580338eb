import type { EnvironmentModel, OrgModel } from "../planning/model";
import { JOB_QUEUE_KINDS, BatchNames } from "../modules/batch/queue-order";
import { interruptionQueueNameOf } from "../modules/eks/karpenter-aws";
import { COUNTED_JOB_STATUSES, jobEventRuleName } from "../modules/observability/batch-job-events";
import type { WatchedResource } from "../modules/observability/watched-resource";
import { STATE_BUCKET_METRICS_FILTER } from "../modules/state/state-bucket";
import { stateBucketName } from "../modules/state/state-location";
import { clusterNameOf } from "./eks-cluster-stack";
import type { NetworkMonitoredOutputs } from "./network-stack";

/** Regions where the environment's workload account runs stacks: Batch, EKS, and the state region (its state bucket). */
export function workloadAlarmRegions(org: OrgModel, env: EnvironmentModel): string[] {
  const used = new Set([...(env.batch?.regions ?? []), ...(env.eks?.regions ?? []), org.stateRegion]);
  return Object.keys(org.regions).filter((r) => used.has(r));
}

/**
 * What the environment's alarms watch in its workload account in `region`. Every name is known at
 * synth (the stacks that make these resources derive them the same way), so nothing is read from state.
 */
export function workloadResources(org: OrgModel, env: EnvironmentModel, region: string): WatchedResource[] {
  const account = env.workloadAccounts[0];
  const at = { accountId: account.id, region };
  const resources: WatchedResource[] = [];
  if (env.batch?.regions.includes(region)) {
    const names = new BatchNames(`${env.name}-${region}`);
    for (const kind of JOB_QUEUE_KINDS) {
      const queueName = names.jobQueue(kind);
      const rules = Object.fromEntries(Object.entries(COUNTED_JOB_STATUSES).map(([attribute, status]) => [attribute, jobEventRuleName(queueName, status)]));
      resources.push({ ...at, subject: "batch-queue", label: kind, attributes: { queueName, ...rules } });
    }
  }
  if (env.eks?.regions.includes(region)) {
    const clusterName = clusterNameOf(env.name, region);
    resources.push({ ...at, subject: "karpenter-queue", label: "karpenter", attributes: { queueName: interruptionQueueNameOf(clusterName) } });
    resources.push({ ...at, subject: "eks-cluster", label: "cluster", attributes: { clusterName } });
  }
  if (region === org.stateRegion) {
    resources.push({
      ...at,
      subject: "state-bucket",
      label: "state",
      attributes: { bucketName: stateBucketName(org.name, account), filterId: STATE_BUCKET_METRICS_FILTER },
    });
  }
  return resources;
}

/** What the environment's alarms watch in the network account in one region: its NAT gateways and its Transit Gateway attachment. */
export function networkResources(org: OrgModel, region: string, natAzIds: readonly string[], ids: NetworkMonitoredOutputs): WatchedResource[] {
  const at = { accountId: org.networkAccount.id, region };
  return [
    ...natAzIds.map((azId): WatchedResource => ({ ...at, subject: "nat-gateway", label: azId, attributes: { natGatewayId: ids.natGatewayId(azId) } })),
    { ...at, subject: "tgw-attachment", label: "vpc", attributes: { transitGatewayId: ids.transitGatewayId, attachmentId: ids.transitGatewayAttachmentId } },
  ];
}
