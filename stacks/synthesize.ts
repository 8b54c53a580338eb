import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { AnnotationMetadataEntryType, App } from "cdktf";
import type { OrgModel } from "../planning/model";
import type { DeploymentTarget } from "../modules/aws/deployment-target";
import { guardrailReportOf, type GuardrailReport } from "../modules/guardrails/report";
import { buildOrg } from "./org-app";
import { withoutTokenTraces } from "./token-traces";

/** What one synthesis produced. */
export interface SynthResult {
  readonly outdir: string;
  readonly stackNames: readonly string[];
  /** Rules checked and violations let through by a written reason (also in `outdir/guardrails.json`). */
  readonly guardrails: GuardrailReport;
}

/** The guardrail report's file name inside the output directory. */
export const GUARDRAIL_REPORT_FILE = "guardrails.json";

/** How to synthesize. */
export interface SynthOptions {
  /**
   * Keep cdktf's creation trace of every token, for debugging a token that does not resolve.
   * @default false (traces are skipped: they cost a sixth of the synth time)
   */
  readonly keepTokenTraces?: boolean;
  /**
   * Leave an empty directory for every stack of the previous output that no longer exists,
   * for the caller to remove. The cdktf CLI lists the stack directories before it runs the app
   * and deletes the ones it no longer finds in the manifest afterwards, failing on any already gone.
   * @default false (they disappear with the previous output)
   */
  readonly leaveRemovedStackDirectories?: boolean;
}

/**
 * Synthesizes every stack into a sibling temporary directory and moves it into place only
 * when all of it succeeded, so a failed synth never leaves a half-written `outdir`.
 * Terraform working files (.terraform, lock files) of stacks that still exist are carried over.
 */
export function synthesizeOrg(org: OrgModel, target: DeploymentTarget, outdir: string, options: SynthOptions = {}): SynthResult {
  const finalDir = resolve(outdir);
  mkdirSync(dirname(finalDir), { recursive: true });
  const staging = `${finalDir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    const { stacks, guardrails } = withoutTokenTraces(options.keepTokenTraces ?? false, () => {
      const app = new App({ outdir: staging, skipBackendValidation: true });
      const built = buildOrg(app, org, target);
      app.synth();
      return { stacks: built, guardrails: guardrailReportOf(app) };
    });
    refuseErrorAnnotations(staging);
    // Inside the staging directory, so it swaps in with the stacks it describes or not at all.
    writeFileSync(join(staging, GUARDRAIL_REPORT_FILE), `${JSON.stringify(guardrails, null, 2)}\n`);
    carryOverWorkingFiles(finalDir, staging, options.leaveRemovedStackDirectories ?? false);
    replaceDirectory(finalDir, staging);
    return { outdir: finalDir, stackNames: stacks.all.map((s) => s.node.id), guardrails };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * cdktf stops at an error annotation (a guardrail violation) by itself, except when the cdktf CLI
 * runs the app (it sets CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS to print them itself). Output
 * that breaks a guardrail must not replace the previous one either way.
 */
function refuseErrorAnnotations(staging: string): void {
  const manifest = JSON.parse(readFileSync(join(staging, "manifest.json"), "utf8")) as {
    stacks: Record<string, { annotations?: { constructPath: string; level: string; message: string }[] }>;
  };
  const errors = Object.values(manifest.stacks)
    .flatMap((stack) => stack.annotations ?? [])
    .filter((a) => a.level === AnnotationMetadataEntryType.ERROR)
    .map((a) => `[${a.constructPath}] ${a.message}`);
  if (errors.length) throw new Error(`${errors.length} error(s) at synth (guardrail violations):\n${errors.join("\n")}`);
}

const WORKING_FILES = [".terraform", ".terraform.lock.hcl"];

function carryOverWorkingFiles(previous: string, next: string, leaveRemoved: boolean): void {
  const previousStacks = join(previous, "stacks");
  if (!existsSync(previousStacks)) return;
  for (const stack of readdirSync(previousStacks)) {
    const target = join(next, "stacks", stack);
    if (!existsSync(target)) {
      if (leaveRemoved) mkdirSync(target, { recursive: true });
      continue;
    }
    for (const file of WORKING_FILES) {
      const source = join(previousStacks, stack, file);
      if (existsSync(source)) renameSync(source, join(target, file));
    }
  }
}

function replaceDirectory(finalDir: string, staging: string): void {
  const retired = `${finalDir}.old-${process.pid}`;
  if (existsSync(finalDir)) renameSync(finalDir, retired);
  renameSync(staging, finalDir);
  rmSync(retired, { recursive: true, force: true });
}
