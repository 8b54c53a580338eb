/** One thing wrong with an org file, located precisely enough to fix at 3 AM. */
export interface ConfigProblem {
  /** Dotted path into the org file, e.g. "environments.dev.regions.us-east-1.vpcCidr". */
  readonly path: string;
  /** What is wrong and what would be valid. */
  readonly message: string;
}

/** Thrown when an org file is invalid; carries every problem found, not just the first. */
export class ConfigError extends Error {
  /** @param accountNames `name` of each entry of the file's `accounts`, to name accounts in messages */
  constructor(
    public readonly source: string,
    public readonly problems: readonly ConfigProblem[],
    accountNames: readonly unknown[] = [],
  ) {
    super(formatProblems(source, problems, accountNames));
    this.name = "ConfigError";
  }
}

/**
 * "environment \"dev\"" for paths under environments.dev, "account \"network\" (#1)" for accounts[1]
 * (or "account #1" when it has no usable name), and so on.
 */
export function subjectOf(path: string, accountNames: readonly unknown[] = []): string {
  const [root, key] = path.split(".");
  switch (root) {
    case "environments":
      return key ? `environment "${key}"` : "environments";
    case "regions":
      return key ? `region "${key}"` : "regions";
    case "accounts":
      if (!key) return "accounts";
      return typeof accountNames[Number(key)] === "string" && accountNames[Number(key)] !== ""
        ? `account "${accountNames[Number(key)]}" (#${key})`
        : `account #${key}`;
    case "organizationalUnits":
      return key ? `OU "${key}"` : "organizationalUnits";
    default:
      return "organization";
  }
}

export function formatProblems(source: string, problems: readonly ConfigProblem[], accountNames: readonly unknown[] = []): string {
  const lines = problems.map((p) => `  - ${subjectOf(p.path, accountNames)}: ${p.path || "(root)"}: ${p.message}`);
  return `Invalid org config ${source} (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${lines.join("\n")}`;
}
