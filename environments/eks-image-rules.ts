import type { Report } from "./rule-helpers";
import type { EksConfig } from "./schema";

/**
 * Node images are pinned unless the environment opts out explicitly: with "@latest" (Karpenter's
 * alias) every AMI release drifts every node, and a managed node group without a release version
 * takes whatever is newest when it is created or its Kubernetes version changes.
 */
export function checkNodeImages(at: string, eks: EksConfig, report: Report): void {
  const { releaseVersion } = eks.systemNodes;
  if (!eks.allowLatestAmi) {
    if (eks.amiAlias.endsWith("@latest")) {
      report(
        `${at}.amiAlias`,
        `"${eks.amiAlias}" replaces every Karpenter node on each AMI release; pin a release like "${eks.amiAlias.replace("@latest", "@v20260129")}" ` +
          `(awslabs/amazon-eks-ami releases), or set ${at}.allowLatestAmi: true where that is wanted (never prod)`,
      );
    }
    if (!releaseVersion) {
      report(
        `${at}.systemNodes.releaseVersion`,
        `is not set, so the system node group takes the newest AMI whenever it is created or upgraded; pin one like "${eks.kubernetesVersion}.0-20260129", ` +
          `or set ${at}.allowLatestAmi: true where that is wanted (never prod)`,
      );
    }
  }
  if (releaseVersion && !releaseVersion.startsWith(`${eks.kubernetesVersion}.`)) {
    report(
      `${at}.systemNodes.releaseVersion`,
      `"${releaseVersion}" is an AMI release for Kubernetes ${releaseVersion.split(".").slice(0, 2).join(".")}, but the cluster runs ${eks.kubernetesVersion}; ` +
        `pin a release of ${eks.kubernetesVersion} (bump both together when upgrading)`,
    );
  }
}
