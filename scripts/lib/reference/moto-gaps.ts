import type { MotoGap } from "../../../test/e2e/moto-gaps";
import { code, generatedHeader, prose, table } from "./markdown";

function gapKind(gap: MotoGap): string {
  switch (gap.kind) {
    case "cannot-apply":
      return "cannot apply";
    case "cannot-apply-in-shared-vpc":
      return "cannot apply in a shared VPC";
    case "drift":
      return `re-plan drift: ${gap.attributes.map(code).join(", ")}`;
    case "created-beforehand":
      return "created beforehand";
  }
}

/** The declared moto_server gaps as documentation: what each does to the e2e run, and the proof. */
export function motoGapsReference(gaps: readonly MotoGap[]): string {
  return [
    generatedHeader("What moto_server cannot do (declared gaps)", "`test/e2e/moto-gaps.ts`"),
    "",
    "Resources of a `cannot apply` type (and whatever depends on them) are left out of the end-to-end",
    "apply with `-target` and covered by `terraform validate` only; `cannot apply in a shared VPC` leaves them",
    "out only where they use the network account's shared subnets; `re-plan drift` names the attributes moto",
    "reads back differently, and the re-plan check tolerates exactly those; `created beforehand` is something",
    "AWS provides by itself that the e2e creates first. Nothing is stubbed. See [../testing.md](../testing.md).",
    "",
    table(
      ["gap", "resource type", "what moto does"],
      gaps.map((g) => [gapKind(g), code(g.resourceType), prose(g.reason)]),
    ),
    "",
    "## Evidence",
    "",
    ...gaps.map((g) => `- ${code(g.resourceType)} (${gapKind(g)}): ${prose(g.evidence.replace(/\s*\n\s*/g, " "))}`),
    "",
  ].join("\n");
}
