import { Testing } from "cdktf";
import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { PLATFORM_CHARTS } from "../../../modules/eks/charts";
import { KARPENTER_CRDS_ADDRESS, KarpenterCrds } from "../../../modules/eks/karpenter-crds";
import type { StackJson } from "../../support/synth";

describe("KarpenterCrds", () => {
  const json = JSON.parse(Testing.synthScope((scope) => new KarpenterCrds(scope, "karpenter", { helm: new HelmProvider(scope, "helm", {}) }))) as StackJson;

  it("installs the pinned karpenter-crd chart as release karpenter-crd in kube-system, at a stable address", () => {
    expect(json.resource!.helm_release).toEqual({
      [KARPENTER_CRDS_ADDRESS.split(".")[1]]: expect.objectContaining({
        ...PLATFORM_CHARTS.karpenterCrd,
        name: "karpenter-crd",
        namespace: "kube-system",
        atomic: true,
      }),
    });
  });
});
