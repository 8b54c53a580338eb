import { undeclaredReferences } from "../../../modules/guardrails/undeclared-references";

describe("undeclaredReferences", () => {
  const declared = {
    resource: { aws_vpc: { main: {} }, aws_iam_role: { node: {} } },
    data: { aws_iam_policy_document: { trust: {} }, terraform_remote_state: { "state-of-dev-us-east-1-network": {} } },
  };

  it("accepts references to what the stack declares, wherever the expression puts them", () => {
    const tf = {
      ...declared,
      resource: {
        ...declared.resource,
        aws_subnet: {
          a: {
            vpc_id: "${aws_vpc.main.id}",
            cidr_block: "${cidrsubnet(aws_vpc.main.cidr_block, 8, 1)}",
            tags: { Role: "${aws_iam_role.node.name}-${data.aws_iam_policy_document.trust.json}" },
            for_each: "${{ for k, v in data.terraform_remote_state.state-of-dev-us-east-1-network.outputs.subnets : k => v }}",
            depends_on: ["aws_vpc.main", "data.aws_iam_policy_document.trust"],
          },
        },
      },
    };
    expect(undeclaredReferences(tf)).toEqual([]);
  });

  it("names each address used but not declared, with where it is used", () => {
    const tf = {
      ...declared,
      resource: { aws_subnet: { a: { vpc_id: "${aws_vpc.other.id}", depends_on: ["aws_nat_gateway.gw"] } } },
      output: { role: { value: "${data.aws_iam_role.elsewhere.arn}" } },
    };
    expect(undeclaredReferences(tf)).toEqual([
      { address: "aws_vpc.other", usedAt: "resource.aws_subnet.a.vpc_id" },
      { address: "aws_nat_gateway.gw", usedAt: "resource.aws_subnet.a.depends_on[0]" },
      { address: "data.aws_iam_role.elsewhere", usedAt: "output.role.value" },
    ]);
  });

  it("ignores what only looks like an address: escapes, quoted strings, traversals, IAM variables, plain text", () => {
    const tf = {
      ...declared,
      resource: {
        aws_iam_policy: {
          p: {
            policy: '{"Resource":"arn:aws:s3:::b/$${aws:username}/*","Note":"$${aws_vpc.literal.id}"}',
            description: 'a "aws_vpc.quoted.id" in text, ${lookup(var.extra_tags, "aws_x.y", each.value.aws_thing.id)} ${local.name_prefix.aws_a.b}',
          },
        },
      },
    };
    expect(undeclaredReferences(tf)).toEqual([]);
  });
});
