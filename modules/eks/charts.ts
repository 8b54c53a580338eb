/** A Helm chart pinned to one version. */
export interface PinnedChart {
  readonly repository: string;
  readonly chart: string;
  readonly version: string;
}

/** Karpenter's version: its CRD chart and its controller chart move together. */
const KARPENTER_VERSION = "1.12.2";

/**
 * Every chart the platform installs, pinned here and nowhere else. Bump Karpenter only together
 * with the schemas its manifests are validated against: the CRDs of Karpenter 1.11-1.12 are the
 * ones @kubernetes-models/karpenter 2.0.0 ships. The CRDs come from their own chart because Helm
 * never upgrades a chart's crds/ directory.
 */
export const PLATFORM_CHARTS = {
  karpenterCrd: { repository: "oci://public.ecr.aws/karpenter", chart: "karpenter-crd", version: KARPENTER_VERSION },
  karpenter: { repository: "oci://public.ecr.aws/karpenter", chart: "karpenter", version: KARPENTER_VERSION },
  efsCsiDriver: { repository: "https://kubernetes-sigs.github.io/aws-efs-csi-driver/", chart: "aws-efs-csi-driver", version: "4.4.1" },
} as const satisfies Record<string, PinnedChart>;
