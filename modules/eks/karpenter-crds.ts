import type { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { Release } from "@cdktf/provider-helm/lib/release";
import { Construct } from "constructs";
import { PLATFORM_CHARTS } from "./charts";
import { KARPENTER_NAMESPACE } from "./karpenter-aws";

/** Helm release name of the CRD chart; existing clusters already have it under this name. */
export const KARPENTER_CRD_RELEASE = "karpenter-crd";

/** Terraform address of the CRD release, the same in the CRD stack as it was in the add-ons stack before. */
export const KARPENTER_CRDS_ADDRESS = "helm_release.karpenter_crds";

export interface KarpenterCrdsProps {
  readonly helm: HelmProvider;
}

/**
 * Karpenter's CRDs (NodePool, EC2NodeClass, NodeClaim) from their own chart, so upgrades reach
 * them (Helm never upgrades a chart's crds/). They live in a stack of their own, applied before
 * the add-ons stack: `kubernetes_manifest` reads a kind's schema from the API server at plan time.
 */
export class KarpenterCrds extends Construct {
  public readonly release: Release;

  constructor(scope: Construct, id: string, props: KarpenterCrdsProps) {
    super(scope, id);
    const { karpenterCrd } = PLATFORM_CHARTS;
    this.release = new Release(this, "crds", {
      provider: props.helm,
      name: KARPENTER_CRD_RELEASE,
      namespace: KARPENTER_NAMESPACE,
      ...karpenterCrd,
      atomic: true,
    });
    // A stable address, so a cluster whose add-ons stack held the release can import it here under the same name.
    this.release.overrideLogicalId(KARPENTER_CRDS_ADDRESS.split(".")[1]);
  }
}
