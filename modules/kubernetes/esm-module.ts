import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * Loads one export of an ES-module-only package from CommonJS, synchronously.
 *
 * `kubernetes-models` and `@kubernetes-models/*` ship ES modules whose package.json `exports`
 * offer only the "import" condition, so `require("kubernetes-models/v1/Pod")` is refused with
 * ERR_PACKAGE_PATH_NOT_EXPORTED, even on Node >= 20.19 which can require() ES modules. Synthesis
 * runs inside construct constructors, so an asynchronous `import()` is no option either. Node does
 * require() an ES module given by its file path; this finds the package the way Node would
 * (the node_modules directories above this file) and requires the file.
 *
 * @param packageName e.g. "@kubernetes-models/karpenter"
 * @param file path inside the package, with extension, e.g. "karpenter.sh/v1/NodePool.js"
 * @param exportName e.g. "NodePool"
 */
export function loadEsmExport<T>(packageName: string, file: string, exportName: string): T {
  const root = packageRoot(packageName);
  const loaded = require(join(root, file)) as Record<string, unknown>;
  if (!(exportName in loaded)) throw new Error(`${packageName}/${file} has no export "${exportName}" (it has ${Object.keys(loaded).join(", ")})`);
  return loaded[exportName] as T;
}

const roots = new Map<string, string>();

function packageRoot(packageName: string): string {
  const known = roots.get(packageName);
  if (known) return known;
  const searched = require.resolve.paths(packageName) ?? [];
  const found = searched.map((dir) => join(dir, packageName)).find((dir) => existsSync(join(dir, "package.json")));
  if (!found) throw new Error(`package ${packageName} is not installed (searched ${searched.join(", ")}); run npm install`);
  roots.set(packageName, found);
  return found;
}
