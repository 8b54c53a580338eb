import { consoleIo } from "./scripts/lib/cli";
import { runSynthCommand } from "./scripts/lib/synth-command";

/** The cdktf app: every stack of the organization (the environment it reads: scripts/lib/synth-command.ts). */
process.exitCode = runSynthCommand(process.env, consoleIo);
