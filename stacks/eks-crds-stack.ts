import type { Construct } from "constructs";
import { KarpenterCrds } from "../modules/eks/karpenter-crds";
import { ClusterWorkloadStack, type ClusterWorkloadStackProps } from "./cluster-workload-stack";

/**
 * The CustomResourceDefinitions the add-ons stack creates objects of (Karpenter's), apart and
 * earlier: `kubernetes_manifest` needs a kind's CRD on the API server when it plans, so the
 * add-ons stack declares this one as a dependency and `cdktf deploy '<env>-*'` applies it first.
 */
export class EksCrdsStack extends ClusterWorkloadStack {
  public readonly karpenterCrds: KarpenterCrds;

  constructor(scope: Construct, name: string, props: ClusterWorkloadStackProps) {
    super(scope, name, props);
    this.karpenterCrds = new KarpenterCrds(this, "karpenter", { helm: this.connection.helm });
  }
}
