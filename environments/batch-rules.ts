import type { ConfigProblem } from "./problems";
import { checkSharedSubnetPlacement, list, type Report } from "./rule-helpers";
import { BATCH_COLOURS, type BatchColour } from "../planning/names";
import { SAFE_NAME, SAFE_NAME_HINT, type BatchConfig, type OrgConfig } from "./schema";

/**
 * Batch rules the config alone can decide: where Batch runs, and whether the colour state is
 * one the blue-green switch can be in. What only the deployed state can tell (removing a colour
 * that is still ENABLED or queued) is checked at plan time by the stack's preconditions.
 */
export function batchProblems(org: OrgConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });
  for (const [envName, env] of Object.entries(org.environments)) {
    if (!env.batch) continue;
    const at = `environments.${envName}.batch`;
    checkSharedSubnetPlacement(envName, env, { at, regions: env.batch.regions, runsIn: "Batch", runsInShared: "Batch" }, report);
    checkColourState(at, env.batch, report);
    checkJobsFit(at, env.batch, report);
  }
  return problems;
}

function checkColourState(at: string, batch: BatchConfig, report: Report): void {
  const defined = BATCH_COLOURS.filter((c) => batch.colours[c]);
  const { active, draining } = batch.state;
  if (!active) {
    report(
      `${at}.state.active`,
      defined.length
        ? `no colour is active, so no job queue would have a compute environment; set state.active to a colour under batch.colours (${list(defined)})`
        : `no colour is active and none is defined; add batch.colours.blue and set state to { active: "blue" }`,
    );
    return;
  }
  const other = otherColour(active);
  if (!batch.colours[active]) {
    report(
      `${at}.state.active`,
      `"${active}" is the active colour but has no settings under batch.colours: the colour taking jobs cannot be removed. ` +
        `Keep batch.colours.${active}; to replace it, add batch.colours.${other} and set state to { active: "${other}", draining: "${active}" }`,
    );
  }
  if (!draining) return;
  if (draining === active) {
    report(
      `${at}.state.draining`,
      `"${draining}" cannot be active and draining at once; during a switch the new colour is active and the old one drains: { active: "${active}", draining: "${other}" }`,
    );
  } else if (!batch.colours[draining]) {
    report(
      `${at}.state.draining`,
      `"${draining}" is draining but has no settings under batch.colours: a draining colour still runs jobs and cannot be removed yet. ` +
        `Next step: keep batch.colours.${draining} and set state to { active: "${active}" } (${draining} becomes DISABLED and leaves every queue); apply, wait until it has no jobs, then remove it`,
    );
  }
}

/** Job names land in resource names; a job asking for more vCPUs than a queued colour offers waits in RUNNABLE forever. */
function checkJobsFit(at: string, batch: BatchConfig, report: Report): void {
  const queued = [batch.state.active, batch.state.draining].filter((c): c is BatchColour => !!c && !!batch.colours[c]);
  for (const [name, job] of Object.entries(batch.jobDefinitions)) {
    if (!SAFE_NAME.test(name))
      report(
        `${at}.jobDefinitions.${name}`,
        `job name "${name}" is not safe in resource names; ${SAFE_NAME_HINT.replace('"dev" or "workload-prod"', '"nightly-report"')}`,
      );
    for (const colour of queued) {
      const max = batch.colours[colour]!.maxVcpus;
      if (job.vcpus > max) {
        report(
          `${at}.jobDefinitions.${name}.vcpus`,
          `job "${name}" needs ${job.vcpus} vCPUs but colour "${colour}" offers at most ${max} (maxVcpus), so it would wait in RUNNABLE forever; lower vcpus or raise batch.colours.${colour}.maxVcpus`,
        );
      }
    }
  }
}

function otherColour(colour: BatchColour): BatchColour {
  return colour === "blue" ? "green" : "blue";
}
