/**
 * cdktf records the full call stack of every token it creates (4,000+ in the bundled org: each
 * attribute reference, each computed list of a generated resource) only to quote it if that
 * token later fails to resolve. Formatting those traces was a sixth of the synth time, so
 * during synthesis the traces of such plain holder objects come back empty; real `Error`s keep
 * their stack, formatted by whatever formatter was installed before (or V8's format).
 *
 * Set `keepTraces` (ORGPLAT_TOKEN_TRACES=1 for `main.ts`) when debugging a token that will not
 * resolve: cdktf's error then shows where the token was created.
 */
export function withoutTokenTraces<T>(keepTraces: boolean, run: () => T): T {
  if (keepTraces) return run();
  const previous = Error.prepareStackTrace;
  Error.prepareStackTrace = (holder: unknown, frames: NodeJS.CallSite[]) => {
    if (!(holder instanceof Error)) return "";
    return previous ? previous(holder, frames) : formatLikeV8(holder, frames);
  };
  try {
    return run();
  } finally {
    Error.prepareStackTrace = previous;
  }
}

function formatLikeV8(error: Error, frames: NodeJS.CallSite[]): string {
  return [String(error), ...frames.map((frame) => `    at ${frame}`)].join("\n");
}
