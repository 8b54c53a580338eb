import { Token } from "cdktf";
import type { KubernetesModel } from "./models";

/** One schema violation as the models report it (ajv format). */
interface SchemaViolation {
  readonly instancePath: string;
  readonly message?: string;
}

/** A Kubernetes object that does not match its kind's schema, with every violation. */
export class ManifestSchemaError extends Error {
  constructor(
    public readonly subject: string,
    public readonly violations: readonly string[],
  ) {
    super(`${subject} does not match its schema: ${violations.join("; ")}`);
    this.name = "ManifestSchemaError";
  }
}

/**
 * Validates `model` against its kind's JSON schema and throws ManifestSchemaError listing every
 * violation. A value that is a Terraform token (an id known only after apply, such as a subnet
 * id from remote state) cannot be checked before apply: violations at exactly such a value are
 * left out; violations anywhere else, including a missing or extra field, are reported.
 */
export function validateModel(model: KubernetesModel, subject: string): void {
  try {
    model.validate();
  } catch (e) {
    const violations = (e as { errors?: SchemaViolation[] }).errors;
    if (!Array.isArray(violations)) throw e;
    const json = model.toJSON();
    const real = violations.filter((v) => !Token.isUnresolved(valueAt(json, v.instancePath)));
    if (real.length)
      throw new ManifestSchemaError(
        subject,
        real.map((v) => `${v.instancePath || "/"} ${v.message ?? "is invalid"}`),
      );
  }
}

/** The value at a JSON pointer ("/spec/subnetSelectorTerms/0/id"), or undefined. */
function valueAt(root: unknown, pointer: string): unknown {
  if (!pointer) return root;
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce<unknown>((node, key) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), root);
}
