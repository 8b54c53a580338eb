/**
 * cdktf records the full call stack of every token and construct annotation it creates, only to
 * quote it if the token later fails to resolve. Under jest every such record goes through jest's
 * source-map-support formatter, which maps each frame back to TypeScript: that was about 60 % of
 * the CPU of a test file that synthesizes the example org. The product skips these records during
 * `synthesizeOrg` (stacks/token-traces.ts); tests build stacks on `Testing.app()` outside it, so
 * the test setup skips them for the whole file. Real `Error`s (a failed assertion, a thrown
 * config error) keep jest's source-mapped stack.
 */
let jestFormatter: typeof Error.prepareStackTrace;

/** Installs the skipping formatter in front of jest's (test/setup.ts, once per test file). */
export function skipTokenTraces(): void {
  jestFormatter = Error.prepareStackTrace;
  const forErrors = jestFormatter;
  Error.prepareStackTrace = (holder: unknown, frames: NodeJS.CallSite[]) => {
    if (!(holder instanceof Error)) return "";
    return forErrors ? forErrors(holder, frames) : [String(holder), ...frames.map((f) => `    at ${f}`)].join("\n");
  };
}

/** jest's own formatter, for a test of trace handling itself (which must see what a plain process sees). */
export function jestStackFormatter(): typeof Error.prepareStackTrace {
  return jestFormatter;
}
