import { EXAMPLE_ACCOUNT_IDS, ORG_SETTING_FILE } from "../../environments/org-setting";
import type { SynthesizedStack } from "./synthesized-stacks";

/**
 * Refuses to run terraform against real AWS on stacks in the example org's made-up accounts: a
 * repository whose org setting still points at examples/org.yaml must fail loudly in CI, not
 * plan "every resource to add" against whatever account the credentials belong to.
 */
export function refuseExampleAccounts(stacks: readonly SynthesizedStack[]): void {
  const fake = stacks.filter((s) => EXAMPLE_ACCOUNT_IDS.has(s.accountId) && !s.emulator);
  if (!fake.length) return;
  const names = fake.map((s) => `${s.name} (${s.accountId})`);
  throw new Error(
    `${names.length} stack${names.length === 1 ? " is" : "s are"} in the example org's fake accounts and synthesized for real AWS: ${names.slice(0, 5).join(", ")}${names.length > 5 ? ", …" : ""}.\n` +
      `Point "org" in ${ORG_SETTING_FILE} (or ORGPLAT_ORG) at your own org file and synthesize again; the example org runs only against an emulator (ORGPLAT_AWS_ENDPOINT).`,
  );
}
