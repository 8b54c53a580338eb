import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { exampleOrg } from "./example-org";
import { loadOrgFile } from "./load";
import type { OrgModel } from "../planning/model";

/** The committed project setting naming the org file, at the project root. */
export const ORG_SETTING_FILE = "orgplat.json";

/** Where the org file comes from: the environment variable wins over the committed setting. */
export interface OrgFileSetting {
  /** Absolute path of the org file. */
  readonly path: string;
  /** "ORGPLAT_ORG" or the setting file's path: where to change it. */
  readonly from: string;
}

/** Thrown when neither ORGPLAT_ORG nor orgplat.json names an org file. */
export class OrgSettingError extends Error {
  constructor(detail: string) {
    super(
      `${detail}. Name your org file (.yaml or .json) in one of two ways:\n` +
        `  - commit it as the project setting: ${ORG_SETTING_FILE} at the project root, {"org": "my-org.yaml"} (path relative to that file)\n` +
        `  - or for one run: ORGPLAT_ORG=./my-org.yaml npm run synth\n` +
        `examples/org.yaml is a complete example to start from (fake account ids: emulator only).`,
    );
    this.name = "OrgSettingError";
  }
}

/** The org file in force for a project rooted at `root`: $ORGPLAT_ORG, else `org` of orgplat.json. */
export function orgFileSetting(env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): OrgFileSetting {
  const fromEnv = env.ORGPLAT_ORG?.trim();
  if (fromEnv) return { path: resolve(root, fromEnv), from: "ORGPLAT_ORG" };
  const settingPath = join(root, ORG_SETTING_FILE);
  if (!existsSync(settingPath)) throw new OrgSettingError(`No org file is set: ORGPLAT_ORG is empty and ${settingPath} does not exist`);
  let setting: unknown;
  try {
    setting = JSON.parse(readFileSync(settingPath, "utf8"));
  } catch (e) {
    throw new OrgSettingError(`${settingPath} is not valid JSON (${(e as Error).message})`);
  }
  const org = (setting as { org?: unknown } | null)?.org;
  if (typeof org !== "string" || !org.trim()) throw new OrgSettingError(`No org file is set: ORGPLAT_ORG is empty and ${settingPath} has no "org"`);
  return { path: isAbsolute(org) ? org : resolve(dirname(settingPath), org), from: settingPath };
}

/** Loads and resolves the org file in force (see `orgFileSetting`). */
export function loadConfiguredOrg(env: NodeJS.ProcessEnv = process.env, root: string = process.cwd()): OrgModel {
  return loadOrgFile(orgFileSetting(env, root).path);
}

/**
 * The example org's account ids: made-up, so nothing may plan, apply or check drift of a stack in
 * one of them against real AWS (only against an emulator, ORGPLAT_AWS_ENDPOINT).
 */
export const EXAMPLE_ACCOUNT_IDS: ReadonlySet<string> = new Set(exampleOrg.accounts.map((a) => a.id));
