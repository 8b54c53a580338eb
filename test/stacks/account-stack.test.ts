import { Vpc } from "@cdktf/provider-aws/lib/vpc";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { AnnotationMetadataEntryType, App, TerraformOutput, Testing } from "cdktf";
import { AccountStack } from "../../stacks/account-stack";
import { exampleOrgModel } from "../support/synth";

describe("an account stack", () => {
  const org = exampleOrgModel();
  const stackIn = (app: App, name: string) =>
    new AccountStack(app, name, { org, account: org.networkAccount, region: "us-east-1", environment: "dev", target: {} });

  it("refuses a token of one stack used directly in another, naming the reference and the fix", () => {
    const app = Testing.app();
    const producer = stackIn(app, "producer");
    const consumer = stackIn(app, "consumer");
    const vpc = new Vpc(producer, "vpc", { cidrBlock: "10.0.0.0/16" });
    new Subnet(consumer, "subnet", { vpcId: vpc.id, cidrBlock: "10.0.0.0/24", availabilityZoneId: "use1-az1", dependsOn: [vpc] });
    expect(() => app.synth()).toThrow(
      'Stack "consumer" refers to resources it does not declare (values of another stack used directly):\n' +
        "  aws_vpc.vpc at resource.aws_subnet.subnet.vpc_id\n" +
        "  aws_vpc.vpc at resource.aws_subnet.subnet.depends_on[0]\n" +
        "Export each from its stack as a TerraformOutput and read it here with remoteStateOf(producer).",
    );
  });

  it("passes a value through its output and the consumer's remote-state read instead", () => {
    const app = Testing.app();
    const producer = stackIn(app, "producer");
    const consumer = stackIn(app, "consumer");
    const vpc = new Vpc(producer, "vpc", { cidrBlock: "10.0.0.0/16" });
    new TerraformOutput(producer, "vpc_id", { value: vpc.id });
    new Subnet(consumer, "subnet", { vpcId: consumer.remoteStateOf(producer).getString("vpc_id"), cidrBlock: "10.0.0.0/24", availabilityZoneId: "use1-az1" });
    const json = JSON.parse(Testing.synth(consumer));
    expect(Object.values(json.resource.aws_subnet)[0]).toMatchObject({ vpc_id: "${data.terraform_remote_state.state-of-producer.outputs.vpc_id}" });
    expect(consumer.dependencies).toEqual([producer]);
  });

  it("forbids the admin role to its provider, backend and remote-state reads unless break-glass is asked for (ORG-ROLE-1)", () => {
    const errorsOf = (forbiddenRoleNames?: string[]) => {
      const app = Testing.app();
      const producer = stackIn(app, "producer");
      // A stack told to act as the admin role: allowed in break-glass mode only.
      const consumer = new AccountStack(app, "consumer", {
        org,
        account: org.networkAccount,
        region: "us-east-1",
        environment: "dev",
        target: { purpose: "break-glass" },
        forbiddenRoleNames,
      });
      // The remote-state read goes through a state reader; point it at the admin role to see the rule catch it.
      consumer.remoteStateOf(producer).addOverride("config.assume_role.role_arn", `arn:aws:iam::${org.networkAccount.id}:role/${org.accessRoleName}`);
      Testing.synth(consumer);
      return consumer.node
        .findAll()
        .flatMap((c) => c.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.ERROR).map((m) => String(m.data)))
        .filter((message) => message.startsWith("[ORG-ROLE-1]"))
        .map((message) => message.split(": ")[1]);
    };
    expect(errorsOf()).toEqual([]);
    expect(errorsOf([org.accessRoleName])).toEqual(["provider.aws consumer/aws", "backend.s3 consumer/backend", "remote_state.s3 consumer/state-of-producer"]);
  });
});
