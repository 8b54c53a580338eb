import type { EnvironmentModel } from "../../../planning/model";
import { sharePrincipalsOf } from "../../../modules/network/share-principals";
import { exampleOrgModel } from "../../support/synth";

describe("sharePrincipalsOf", () => {
  const org = exampleOrgModel();
  const env = (name: string): EnvironmentModel => org.environments.find((e) => e.name === name)!;

  it("names the workload account ids in accounts mode", () => {
    expect(sharePrincipalsOf(org, env("dev"))).toEqual(["555555555555"]);
  });

  it("names each OU once, as an ARN under the management account, in ou mode", () => {
    const prod = env("prod");
    expect(sharePrincipalsOf(org, { ...prod, workloadAccounts: [...prod.workloadAccounts, ...prod.workloadAccounts] })).toEqual([
      "arn:aws:organizations::111111111111:ou/o-exampleorg1/ou-exmp-44444444",
    ]);
  });

  it("shares with the organization when the workload account sits in the root", () => {
    const rooted = { ...env("prod"), workloadAccounts: [{ ...env("prod").workloadAccounts[0], ou: "root" }] };
    expect(sharePrincipalsOf(org, rooted)).toEqual(["arn:aws:organizations::111111111111:organization/o-exampleorg1"]);
  });
});
