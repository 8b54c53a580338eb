import { existsSync } from "node:fs";
import { join } from "node:path";
import { runWithCodeCache } from "./lib/code-cache";

/**
 * What `npm run synth` and cdktf.json run: main.ts as one esbuild bundle (dist/main.bundle.js,
 * made by `npm run build`) with a V8 code cache. Resolving, reading and compiling ~700 module
 * files was a third of a synth; from one bundle and its cache it is a tenth. Same environment
 * variables and output as `node dist/main.js`.
 *
 * package.json's `synth:built` runs it with `--max-semi-space-size=64`: cdktf's token resolution
 * makes short-lived garbage by the hundred megabytes, and with V8's default 16 MB young generation
 * much of it is promoted and collected again as old (a 1,500-resource org: 0.2 s of pauses, 265 MB).
 */
const bundle = join(__dirname, "..", "main.bundle.js");
if (existsSync(bundle)) {
  runWithCodeCache(bundle);
} else {
  console.error(`${bundle} is missing: run "npm run build" first.`);
  process.exitCode = 1;
}
