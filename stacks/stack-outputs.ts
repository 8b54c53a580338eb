import { Fn, TerraformOutput, type DataTerraformRemoteStateS3 } from "cdktf";
import type { Construct } from "constructs";

/** Shapes an output value takes; each decides how a consumer reads it. */
export type OutputType = "string" | "map(string)" | "map(map(string))";

/** One output of a producer stack. */
export interface OutputSpec {
  /** Terraform output name, e.g. "vpc_id": the key in the producer's state. */
  readonly name: string;
  readonly type: OutputType;
  /**
   * What the value is, written into the Terraform output and the generated docs.
   * @default undefined (no description in Terraform either)
   */
  readonly description?: string;
}

/** A producer's outputs by the property name consumers read them as; declared once, in `output-contracts.ts`. */
export type OutputContract = Readonly<Record<string, OutputSpec>>;

/** What a producer writes for each type. */
type WrittenValue<T extends OutputType> = T extends "string"
  ? string
  : T extends "map(string)"
    ? Readonly<Record<string, string>>
    : Readonly<Record<string, Readonly<Record<string, string>>>>;

/** What a consumer reads for each type: a string, or a lookup by key(s). */
type ReadValue<T extends OutputType> = T extends "string"
  ? string
  : T extends "map(string)"
    ? (key: string) => string
    : (key: string, innerKey: string) => string;

/** The values a producer writes; an output left undefined is not written (e.g. an IPv6 CIDR of an IPv4-only VPC). */
export type OutputValues<C extends OutputContract> = { readonly [K in keyof C]: WrittenValue<C[K]["type"]> | undefined };

/** A consumer's typed view of a producer's outputs. */
export type OutputReader<C extends OutputContract> = { readonly [K in keyof C]: ReadValue<C[K]["type"]> };

/** Writes the `TerraformOutput`s of `contract` into `stack`, in the contract's order. */
export function writeOutputs<C extends OutputContract>(stack: Construct, contract: C, values: OutputValues<C>): void {
  for (const [key, spec] of Object.entries(contract)) {
    const value = values[key];
    if (value === undefined) continue;
    new TerraformOutput(stack, spec.name, spec.description === undefined ? { value } : { value, description: spec.description });
  }
}

/**
 * Reads `contract`'s outputs from a producer's remote state (`consumer.remoteStateOf(producer)`).
 * Reading an output the producer does not write fails at plan time, so readers only read what their producer declares.
 */
export function readOutputs<C extends OutputContract>(contract: C, state: DataTerraformRemoteStateS3): OutputReader<C> {
  const reader: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(contract)) {
    Object.defineProperty(reader, key, { enumerable: true, get: () => readValue(spec, state) });
  }
  return reader as OutputReader<C>;
}

function readValue(spec: OutputSpec, state: DataTerraformRemoteStateS3): unknown {
  switch (spec.type) {
    case "string":
      return state.getString(spec.name);
    case "map(string)":
      return (key: string) => Fn.lookup(state.get(spec.name), key) as string;
    case "map(map(string))":
      return (key: string, innerKey: string) => Fn.lookup(Fn.lookup(state.get(spec.name), key), innerKey) as string;
  }
}
