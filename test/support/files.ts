import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/** Every file below `dir` with its text, keyed by its path relative to `dir`: two outputs compare with toEqual. */
export function filesUnder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[relative(dir, join(entry.parentPath, entry.name))] = readFileSync(join(entry.parentPath, entry.name), "utf8");
  }
  return files;
}
