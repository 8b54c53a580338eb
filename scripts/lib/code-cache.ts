import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { Script } from "node:vm";

/** Whether a run could use the code cache, or compiled from source (and wrote a new cache). */
export type CodeCacheOutcome = "used" | "written" | "unwritable";

/**
 * Runs a CommonJS bundle with a V8 code cache kept next to it, the way Node 22's
 * `module.enableCompileCache()` does for every module; Node 20 has no such switch.
 *
 * The cache file is named after the bundle's size and modification time and the Node version:
 * V8's own check compares only the source length, so a rebuilt bundle of the same length would
 * otherwise run stale bytecode (hashing the 5 MB bundle instead would cost 10 ms a run). A cache
 * that V8 rejects (other V8 flags) is rewritten after the run.
 *
 * @param bundle path of a CommonJS file (e.g. built by esbuild) that runs on load
 * @returns what happened to the cache; the bundle's own effects (files, exit code) are its own
 */
export function runWithCodeCache(bundle: string): CodeCacheOutcome {
  const source = readFileSync(bundle, "utf8");
  const cacheFile = cacheFileFor(bundle);
  const cachedData = readIfPresent(cacheFile);
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  const usable = cachedData !== undefined && !script.cachedDataRejected;
  const moduleObject = { exports: {} };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(moduleObject.exports, moduleObject.exports, createRequire(bundle), moduleObject, bundle, dirname(bundle));
  if (usable) return "used";
  // Created after the run, the cache also holds every function compiled lazily on the way.
  return replaceCache(bundle, cacheFile, script.createCachedData()) ? "written" : "unwritable";
}

/** Where the code cache of `bundle`, as it is now, lives. */
export function cacheFileFor(bundle: string): string {
  const { size, mtimeMs } = statSync(bundle);
  return join(dirname(bundle), `${basename(bundle)}.${size}-${Math.round(mtimeMs)}-node${process.versions.node}.v8cache`);
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the new cache atomically and removes caches of earlier builds; a read-only install simply runs uncached. */
function replaceCache(bundle: string, cacheFile: string, data: Buffer): boolean {
  const partial = `${cacheFile}.${process.pid}`;
  try {
    writeFileSync(partial, data);
    renameSync(partial, cacheFile);
  } catch {
    rmSync(partial, { force: true });
    return false;
  }
  const prefix = `${basename(bundle)}.`;
  for (const file of readdirSync(dirname(bundle))) {
    const path = join(dirname(bundle), file);
    if (file.startsWith(prefix) && file.endsWith(".v8cache") && path !== cacheFile) rmSync(path, { force: true });
  }
  return true;
}
