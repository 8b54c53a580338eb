import { loadConfiguredOrg, OrgSettingError } from "../../environments/org-setting";
import { ConfigError } from "../../environments/problems";
import { isRolePurpose, ROLE_PURPOSES } from "../../modules/aws/account-role";
import { suppressionSummary } from "../../modules/guardrails/report";
import { GUARDRAIL_REPORT_FILE, synthesizeOrg } from "../../stacks/synthesize";
import { EXIT, type CliIo } from "./cli";

/**
 * The app (main.ts): synthesizes every stack of the organization. Reads from `env`:
 *   ORGPLAT_ORG            path of a .json/.yaml org file (default: "org" of orgplat.json under `root`, the committed project setting)
 *   ORGPLAT_AWS_ENDPOINT   AWS API emulator URL (tests only; default: real AWS); terraform then runs with AWS_ENDPOINT_URL set to it
 *   ORGPLAT_ROLE           plan | deploy | break-glass | session: the role every provider and backend assumes (default: plan;
 *                          session: none, the caller's own credentials act, as in CI's OIDC jobs)
 *   CDKTF_OUTDIR           output directory (set by the cdktf CLI; default: cdktf.out)
 *   ORGPLAT_TOKEN_TRACES   1 to keep cdktf's token creation traces (debugging a token that does not resolve)
 * Returns the exit code; on any failure nothing is written and the previous output stays as it was.
 */
export function runSynthCommand(env: NodeJS.ProcessEnv, io: CliIo, root: string = process.cwd()): number {
  const endpoint = env.ORGPLAT_AWS_ENDPOINT || undefined;
  if (endpoint && !/^https?:\/\/[\w.-]+(:\d+)?\/?$/.test(endpoint)) {
    io.err(`ORGPLAT_AWS_ENDPOINT="${endpoint}" is not a base URL; use e.g. http://127.0.0.1:5000`);
    return EXIT.failure;
  }
  const purpose = env.ORGPLAT_ROLE || "plan";
  if (!isRolePurpose(purpose)) {
    io.err(
      `ORGPLAT_ROLE="${purpose}" is not a role purpose; use one of ${ROLE_PURPOSES.join(", ")} (plan is read-only, deploy applies, break-glass is the admin role, session assumes none: the caller's own credentials act)`,
    );
    io.err("Nothing was written.");
    return EXIT.failure;
  }
  try {
    const org = loadConfiguredOrg(env, root);
    const result = synthesizeOrg(org, { emulatorEndpoint: endpoint, purpose }, env.CDKTF_OUTDIR || "cdktf.out", {
      keepTokenTraces: env.ORGPLAT_TOKEN_TRACES === "1",
      // Set by the cdktf CLI for the app it runs; the CLI removes the directories of removed stacks itself.
      leaveRemovedStackDirectories: env.CDKTF_CONTEXT_JSON !== undefined,
    });
    io.out(`Synthesized ${result.stackNames.length} stacks of org "${org.name}" into ${result.outdir} (role: ${purpose})`);
    const suppressions = suppressionSummary(result.guardrails);
    io.out(
      `${result.guardrails.rules.length} guardrails checked; ${result.guardrails.suppressed.length} finding(s) suppressed with a written reason (${GUARDRAIL_REPORT_FILE}):`,
    );
    for (const line of suppressions) io.out(`  ${line}`);
    if (endpoint && env.AWS_ENDPOINT_URL !== endpoint) {
      io.out(`The providers take the emulator's URL from the environment: run terraform with AWS_ENDPOINT_URL=${endpoint}`);
    }
    return EXIT.ok;
  } catch (e) {
    // Config problems and guardrail violations both arrive here; synthesizeOrg has already
    // discarded its staging directory, so the previous output is untouched.
    io.err(e instanceof ConfigError || e instanceof OrgSettingError ? e.message : `Synthesis failed: ${(e as Error).message}`);
    io.err("Nothing was written.");
    return EXIT.failure;
  }
}
