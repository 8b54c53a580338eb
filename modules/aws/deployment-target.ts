import type { RolePurpose } from "./account-role";

/** Where the synthesized stacks point, and as whom they act there. */
export interface DeploymentTarget {
  /**
   * Base URL of an AWS API emulator such as moto_server. Backends and remote-state reads name it;
   * the AWS providers take it from the environment terraform runs in, `AWS_ENDPOINT_URL` (which must
   * then be set to the same URL), and are switched to what an emulator needs (path-style S3, no
   * credential or region checks).
   * @default undefined (real AWS endpoints)
   */
  readonly emulatorEndpoint?: string;
  /**
   * Which role of each account every provider and backend assumes. Remote-state reads always
   * go through the producer account's state-reader role, whatever the purpose.
   * @default "plan" (read-only: a synth without the switch can never write)
   */
  readonly purpose?: RolePurpose;
}
