import { SPOT_SERVICE_LINKED_ROLE, SpotServiceLinkedRole } from "../../../modules/eks/spot-service-linked-role";
import { onlyResource, synthWith } from "./eks-fixture";

describe("SpotServiceLinkedRole", () => {
  it("is EC2 Spot's service-linked role, named by AWS (no custom suffix: Spot uses only AWSServiceRoleForEC2Spot)", () => {
    const role = onlyResource(
      synthWith((scope) => new SpotServiceLinkedRole(scope, "spot")),
      "aws_iam_service_linked_role",
    );
    expect(role.aws_service_name).toBe(SPOT_SERVICE_LINKED_ROLE.service);
    expect(role).not.toHaveProperty("custom_suffix");
  });
});
