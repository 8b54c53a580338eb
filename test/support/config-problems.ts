import { resolveOrg } from "../../environments/load";
import { ConfigError } from "../../environments/problems";
import type { OrgConfigInput } from "../../environments/schema";
import { exampleOrgInput } from "./synth";

/** "path: message" of every problem `resolveOrg` reports for a tweaked copy of the example org. */
export function configProblemsOf(tweak: (org: OrgConfigInput) => void): string[] {
  const org = exampleOrgInput();
  tweak(org);
  try {
    resolveOrg(org, "test-org.yaml");
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  return [];
}
