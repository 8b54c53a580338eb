import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** Where a stack keeps its state, as its synthesized backend block says. */
export type StateBackend =
  | { readonly kind: "s3"; readonly bucket: string; readonly key: string; readonly region: string; readonly roleArn?: string }
  | { readonly kind: "local"; readonly path: string };

/** One stack of a synthesized output directory (`cdktf.out`), with what delivery tooling needs to know. */
export interface SynthesizedStack {
  readonly name: string;
  /** Absolute working directory terraform runs in. */
  readonly dir: string;
  /** Stacks this one reads outputs from (manifest.json). */
  readonly dependencies: readonly string[];
  /** Account of the stack's home provider (`allowed_account_ids`). */
  readonly accountId: string;
  /** Region of the stack's home provider. */
  readonly region: string;
  /** The `environment` default tag: an environment name, "shared" (org-wide networking) or "global" (bootstrap). */
  readonly environment: string;
  readonly backend: StateBackend;
  /** Managed resource blocks (data sources not counted). */
  readonly resourceCount: number;
  /** Provider names of required_providers, e.g. ["aws"] or ["aws", "helm", "kubernetes"]. */
  readonly providers: readonly string[];
  /** Synthesized for an AWS API emulator (ORGPLAT_AWS_ENDPOINT): its providers skip the checks only real AWS answers. */
  readonly emulator: boolean;
  /** The stack's Terraform JSON (cdk.tf.json) as synthesized. */
  readonly json: SynthesizedStackJson;
}

interface Manifest {
  stacks: Record<string, { workingDirectory: string; synthesizedStackPath: string; dependencies: string[] }>;
}

/** The blocks of a synthesized stack's cdk.tf.json that tooling reads. */
export interface SynthesizedStackJson {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, Record<string, unknown>>>;
  readonly output?: Record<string, { value: unknown }>;
  readonly provider?: {
    aws?: {
      alias?: string;
      region?: string;
      allowed_account_ids?: string[];
      skip_credentials_validation?: boolean;
      default_tags?: { tags?: Record<string, string> }[];
    }[];
  };
  readonly terraform?: {
    backend?: { s3?: { bucket: string; key: string; region: string; assume_role?: { role_arn?: string } }; local?: { path: string } };
    required_providers?: Record<string, unknown>;
  };
}

/** The output directory the scripts read: `--outdir`, else $CDKTF_OUTDIR, else ./cdktf.out. */
export function outdirFrom(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag || env.CDKTF_OUTDIR || "cdktf.out");
}

/** Every stack of a synthesized output directory, producers before their consumers. */
export function readSynthesizedStacks(outdir: string): SynthesizedStack[] {
  const manifestPath = join(outdir, "manifest.json");
  if (!existsSync(manifestPath)) {
    throw new Error(`${manifestPath} does not exist: synthesize first with \`npm run synth\` (or point --outdir / CDKTF_OUTDIR at a synthesized directory)`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  const stacks = Object.entries(manifest.stacks).map(([name, entry]) =>
    describeStack(
      name,
      join(outdir, entry.workingDirectory),
      entry.dependencies,
      JSON.parse(readFileSync(join(outdir, entry.synthesizedStackPath), "utf8")) as SynthesizedStackJson,
    ),
  );
  return inDependencyOrder(stacks);
}

function describeStack(name: string, dir: string, dependencies: readonly string[], json: SynthesizedStackJson): SynthesizedStack {
  const home = (json.provider?.aws ?? []).find((p) => !p.alias);
  const backend = json.terraform?.backend;
  return {
    name,
    dir,
    dependencies: [...dependencies],
    accountId: home?.allowed_account_ids?.[0] ?? "",
    region: home?.region ?? "",
    environment: home?.default_tags?.[0]?.tags?.environment ?? "",
    backend: backend?.s3
      ? { kind: "s3", bucket: backend.s3.bucket, key: backend.s3.key, region: backend.s3.region, roleArn: backend.s3.assume_role?.role_arn }
      : { kind: "local", path: backend?.local?.path ?? "terraform.tfstate" },
    resourceCount: Object.values(json.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0),
    providers: Object.keys(json.terraform?.required_providers ?? {}),
    emulator: home?.skip_credentials_validation === true,
    json,
  };
}

/** Producers first; ties broken by name so every run lists stacks in the same order. */
export function inDependencyOrder<T extends { readonly name: string; readonly dependencies: readonly string[] }>(stacks: readonly T[]): T[] {
  const byName = new Map(stacks.map((s) => [s.name, s]));
  const ordered: T[] = [];
  const done = new Set<string>();
  const visit = (stack: T, path: readonly string[]): void => {
    if (done.has(stack.name)) return;
    if (path.includes(stack.name)) throw new Error(`stack dependency cycle: ${[...path, stack.name].join(" -> ")}`);
    for (const dep of stack.dependencies) {
      const producer = byName.get(dep);
      if (producer) visit(producer, [...path, stack.name]);
    }
    done.add(stack.name);
    ordered.push(stack);
  };
  [...stacks].sort((a, b) => a.name.localeCompare(b.name)).forEach((s) => visit(s, []));
  return ordered;
}
