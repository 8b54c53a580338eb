import type { Construct } from "constructs";
import { EFS_CSI_NAMESPACE } from "../modules/eks/efs-csi-role";
import { KARPENTER_NAMESPACE } from "../modules/eks/karpenter-aws";
import { KarpenterCrds } from "../modules/eks/karpenter-crds";
import { PlanReaderRbac } from "../modules/eks/plan-reader-rbac";
import { ClusterWorkloadStack, type ClusterWorkloadStackProps } from "./cluster-workload-stack";

/**
 * The CustomResourceDefinitions the add-ons stack creates objects of (Karpenter's), apart and
 * earlier: `kubernetes_manifest` needs a kind's CRD on the API server when it plans, so the
 * add-ons stack declares this one as a dependency and `cdktf deploy '<env>-*'` applies it first.
 * The plan role's RBAC lives here too, the first Kubernetes stack deployed, so every later plan
 * of this stack and the add-ons stack can read the Helm releases.
 */
export class EksCrdsStack extends ClusterWorkloadStack {
  public readonly karpenterCrds: KarpenterCrds;
  public readonly planReaders: PlanReaderRbac;

  constructor(scope: Construct, name: string, props: ClusterWorkloadStackProps) {
    super(scope, name, props);
    this.karpenterCrds = new KarpenterCrds(this, "karpenter", { helm: this.connection.helm });
    // Every namespace a Helm release of the product lives in (today all in kube-system).
    this.planReaders = new PlanReaderRbac(this, "plan-readers", {
      kubernetes: this.connection.kubernetes,
      releaseNamespaces: [KARPENTER_NAMESPACE, EFS_CSI_NAMESPACE],
    });
  }
}
