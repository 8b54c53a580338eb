import { loadConfiguredOrg, OrgSettingError } from "./environments/org-setting";
import { ConfigError } from "./environments/problems";
import { isRolePurpose, ROLE_PURPOSES } from "./modules/aws/account-role";
import { suppressionSummary } from "./modules/guardrails/report";
import { GUARDRAIL_REPORT_FILE, synthesizeOrg } from "./stacks/synthesize";

/**
 * Synthesizes every stack of the organization.
 *   ORGPLAT_ORG            path of a .json/.yaml org file (default: "org" of orgplat.json, the committed project setting)
 *   ORGPLAT_AWS_ENDPOINT   AWS API emulator URL (tests only; default: real AWS)
 *   ORGPLAT_ROLE           plan | deploy | break-glass: the role every provider and backend assumes (default: plan)
 *   CDKTF_OUTDIR           output directory (set by the cdktf CLI; default: cdktf.out)
 *   ORGPLAT_TOKEN_TRACES   1 to keep cdktf's token creation traces (debugging a token that does not resolve)
 */
function main(): number {
  const endpoint = process.env.ORGPLAT_AWS_ENDPOINT || undefined;
  if (endpoint && !/^https?:\/\/[\w.-]+(:\d+)?\/?$/.test(endpoint)) {
    console.error(`ORGPLAT_AWS_ENDPOINT="${endpoint}" is not a base URL; use e.g. http://127.0.0.1:5000`);
    return 1;
  }
  const purpose = process.env.ORGPLAT_ROLE || "plan";
  if (!isRolePurpose(purpose)) {
    console.error(
      `ORGPLAT_ROLE="${purpose}" is not a role purpose; use one of ${ROLE_PURPOSES.join(", ")} (plan is read-only, deploy applies, break-glass is the admin role)`,
    );
    console.error("Nothing was written.");
    return 1;
  }
  try {
    const org = loadConfiguredOrg();
    const result = synthesizeOrg(org, { emulatorEndpoint: endpoint, purpose }, process.env.CDKTF_OUTDIR || "cdktf.out", {
      keepTokenTraces: process.env.ORGPLAT_TOKEN_TRACES === "1",
      // Set by the cdktf CLI for the app it runs; the CLI removes the directories of removed stacks itself.
      leaveRemovedStackDirectories: process.env.CDKTF_CONTEXT_JSON !== undefined,
    });
    console.log(`Synthesized ${result.stackNames.length} stacks of org "${org.name}" into ${result.outdir} (role: ${purpose})`);
    const suppressions = suppressionSummary(result.guardrails);
    console.log(
      `${result.guardrails.rules.length} guardrails checked; ${result.guardrails.suppressed.length} finding(s) suppressed with a written reason (${GUARDRAIL_REPORT_FILE}):`,
    );
    for (const line of suppressions) console.log(`  ${line}`);
    return 0;
  } catch (e) {
    // Config problems and guardrail violations both arrive here; synthesizeOrg has already
    // discarded its staging directory, so the previous output is untouched.
    console.error(e instanceof ConfigError || e instanceof OrgSettingError ? e.message : `Synthesis failed: ${(e as Error).message}`);
    console.error("Nothing was written.");
    return 1;
  }
}

process.exitCode = main();
