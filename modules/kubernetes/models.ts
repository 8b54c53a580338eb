import { loadEsmExport } from "./esm-module";
import type { INodePool } from "@kubernetes-models/karpenter/karpenter.sh/v1/NodePool";
import type { IEC2NodeClass } from "@kubernetes-models/karpenter/karpenter.k8s.aws/v1/EC2NodeClass";
import type { IStorageClass } from "kubernetes-models/storage.k8s.io/v1/StorageClass";
import type { IPodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import type { ITopologySpreadConstraint } from "kubernetes-models/v1/TopologySpreadConstraint";
import type { IToleration } from "kubernetes-models/v1/Toleration";
import type { IAffinity } from "kubernetes-models/v1/Affinity";
import type { IRole } from "kubernetes-models/rbac.authorization.k8s.io/v1/Role";
import type { IRoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding";
import type { IClusterRole } from "kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole";
import type { IClusterRoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding";

/*
 * The Kubernetes object models the product builds manifests and chart values from. Each class
 * carries the JSON schema of its kind (kubernetes-models for core kinds, @kubernetes-models/karpenter
 * for Karpenter's CRDs) and throws from `validate()` when an object does not conform.
 * Loaded on first use: only the add-ons stacks need them.
 */

export type { INodePool } from "@kubernetes-models/karpenter/karpenter.sh/v1/NodePool";
export type { IEC2NodeClass } from "@kubernetes-models/karpenter/karpenter.k8s.aws/v1/EC2NodeClass";
export type { IStorageClass } from "kubernetes-models/storage.k8s.io/v1/StorageClass";
export type { IPodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
export type { ITopologySpreadConstraint } from "kubernetes-models/v1/TopologySpreadConstraint";
export type { IToleration } from "kubernetes-models/v1/Toleration";
export type { IAffinity } from "kubernetes-models/v1/Affinity";
export type { IRole } from "kubernetes-models/rbac.authorization.k8s.io/v1/Role";
export type { IRoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding";
export type { IClusterRole } from "kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole";
export type { IClusterRoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding";

/** What every model instance offers: schema validation and its plain JSON form. */
export interface KubernetesModel {
  /** @throws an error whose `errors` list the schema violations (ajv format, with `instancePath`). */
  validate(): void;
  toJSON(): Record<string, unknown>;
}

/**
 * A model class: typed by the kind's interface (apiVersion and kind are filled in by the class).
 * Spelled out here because the models' own base types live in an ES-only package TypeScript's
 * CommonJS resolution cannot see.
 */
export type ModelClass<T> = new (data: Omit<T, "apiVersion" | "kind">) => T & KubernetesModel;

const KARPENTER = "@kubernetes-models/karpenter";
const CORE = "kubernetes-models";

export const models = {
  NodePool: (): ModelClass<INodePool> => loadEsmExport(KARPENTER, "karpenter.sh/v1/NodePool.js", "NodePool"),
  EC2NodeClass: (): ModelClass<IEC2NodeClass> => loadEsmExport(KARPENTER, "karpenter.k8s.aws/v1/EC2NodeClass.js", "EC2NodeClass"),
  StorageClass: (): ModelClass<IStorageClass> => loadEsmExport(CORE, "storage.k8s.io/v1/StorageClass.js", "StorageClass"),
  PodDisruptionBudget: (): ModelClass<IPodDisruptionBudget> => loadEsmExport(CORE, "policy/v1/PodDisruptionBudget.js", "PodDisruptionBudget"),
  TopologySpreadConstraint: (): ModelClass<ITopologySpreadConstraint> => loadEsmExport(CORE, "v1/TopologySpreadConstraint.js", "TopologySpreadConstraint"),
  Toleration: (): ModelClass<IToleration> => loadEsmExport(CORE, "v1/Toleration.js", "Toleration"),
  Affinity: (): ModelClass<IAffinity> => loadEsmExport(CORE, "v1/Affinity.js", "Affinity"),
  Role: (): ModelClass<IRole> => loadEsmExport(CORE, "rbac.authorization.k8s.io/v1/Role.js", "Role"),
  RoleBinding: (): ModelClass<IRoleBinding> => loadEsmExport(CORE, "rbac.authorization.k8s.io/v1/RoleBinding.js", "RoleBinding"),
  ClusterRole: (): ModelClass<IClusterRole> => loadEsmExport(CORE, "rbac.authorization.k8s.io/v1/ClusterRole.js", "ClusterRole"),
  ClusterRoleBinding: (): ModelClass<IClusterRoleBinding> => loadEsmExport(CORE, "rbac.authorization.k8s.io/v1/ClusterRoleBinding.js", "ClusterRoleBinding"),
};
