import { configProblemsOf } from "../support/config-problems";

describe("access config validation", () => {
  it("accepts the example org: GitHub for CI, people for the management account", () => {
    expect(configProblemsOf(() => undefined)).toEqual([]);
  });

  it("refuses roles nobody may assume: no GitHub repository and no operators", () => {
    const problems = configProblemsOf((org) => {
      org.access = { operators: { plan: [], deploy: [] } };
    });
    expect(problems).toEqual([
      'access.operators.plan: nobody may assume the plan role: set access.github.repository (CI through GitHub OIDC) or list people\'s role ARNs here, e.g. ["arn:aws:iam::111111111111:role/platform-engineers"]',
      'access.operators.deploy: nobody may assume the deploy role: set access.github.repository (CI through GitHub OIDC) or list people\'s role ARNs here, e.g. ["arn:aws:iam::111111111111:role/platform-engineers"]',
    ]);
  });

  it("asks for people when CI is set but the management account, which never trusts CI, has nobody", () => {
    const problems = configProblemsOf((org) => {
      org.access = { github: { repository: "example-org/platform" }, operators: { plan: ["arn:aws:iam::111111111111:role/platform-engineers"], deploy: [] } };
    });
    expect(problems).toEqual([
      'access.operators.deploy: the management account\'s deploy role trusts no CI, so it needs people: list their role ARNs here, e.g. ["arn:aws:iam::111111111111:role/platform-engineers"]',
    ]);
  });

  it("refuses a GitHub repository that is not <owner>/<repo> and an operator that is not a role ARN", () => {
    const problems = configProblemsOf((org) => {
      org.access = { github: { repository: "platform" }, operators: { plan: ["platform-engineers"], deploy: ["arn:aws:iam::111111111111:role/leads"] } };
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^access\.github\.repository: must be "<owner>\/<repo>"/),
        expect.stringMatching(/^access\.operators\.plan\.0: must be an IAM role ARN/),
      ]),
    );
  });
});
