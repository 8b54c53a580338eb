import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/** Directory of the provider filesystem mirror (overridable for machines that keep it elsewhere). */
export function providerMirrorDir(): string {
  return process.env.ORGPLAT_TF_PLUGIN_MIRROR || "/opt/tf-plugins";
}

/** Where the mirror keeps provider `<namespace>/<name>`, or one version of it (its platform directories below). */
export function mirroredProviderDir(name: string, namespace = "hashicorp", version?: string): string {
  return join(providerMirrorDir(), "registry.terraform.io", namespace, name, ...(version ? [version] : []));
}

/** True when the mirror holds provider `hashicorp/<name>` (e.g. "aws"). */
export function mirrorHasProvider(name: string, namespace = "hashicorp"): boolean {
  return existsSync(mirroredProviderDir(name, namespace));
}

function onPath(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

/** What the real-Terraform tests need and is missing on this machine, as readable reasons. */
export function missingTooling(needs: { moto: boolean }): string[] {
  const missing: string[] = [];
  if (!onPath("terraform")) missing.push("terraform is not on PATH");
  if (!mirrorHasProvider("aws")) missing.push(`the provider mirror ${providerMirrorDir()} has no hashicorp/aws (set ORGPLAT_TF_PLUGIN_MIRROR)`);
  if (needs.moto && !onPath("moto_server")) missing.push("moto_server is not on PATH (pip install 'moto[server]')");
  return missing;
}

/**
 * `describe` when the tooling is here, `describe.skip` with a printed reason when it is not.
 * Under CI=true a missing tool fails the run instead: CI must never pass by skipping.
 */
export function describeWithTooling(needs: { moto: boolean }): jest.Describe {
  const missing = missingTooling(needs);
  if (!missing.length) return describe;
  const reason = missing.join("; ");
  if (process.env.CI === "true") throw new Error(`CI needs the real-Terraform tooling: ${reason}`);
  console.warn(`Skipping real-Terraform tests: ${reason}`);
  return describe.skip;
}
