import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import type { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { KubernetesModel } from "./models";
import { validateModel } from "./schema-validation";

export interface ValidatedManifestProps {
  /** The object, built from its kind's model class (e.g. `new (models.NodePool())({...})`). */
  readonly object: KubernetesModel;
  /** @default the stack's default kubernetes provider */
  readonly provider?: KubernetesProvider;
  /** What must exist first, e.g. the Helm release that installs the object's CRD. @default [] */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * A Kubernetes object applied by Terraform (`kubernetes_manifest`), validated against its kind's
 * schema at synth: an invalid object never reaches a plan.
 */
export class ValidatedManifest extends Construct {
  public readonly manifest: Manifest;
  /** The object as applied. */
  public readonly json: Record<string, unknown>;

  constructor(scope: Construct, id: string, props: ValidatedManifestProps) {
    super(scope, id);
    this.json = props.object.toJSON();
    const metadata = (this.json.metadata ?? {}) as { name?: string; namespace?: string };
    validateModel(props.object, `${String(this.json.kind)} ${metadata.namespace ? `${metadata.namespace}/` : ""}${metadata.name ?? "(unnamed)"}`);
    this.manifest = new Manifest(this, "manifest", {
      manifest: this.json,
      provider: props.provider,
      dependsOn: props.dependsOn ? [...props.dependsOn] : undefined,
    });
  }
}
