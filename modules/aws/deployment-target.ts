/** Where the synthesized stacks point: real AWS, or a local AWS API emulator for tests. */
export interface DeploymentTarget {
  /**
   * Base URL of an AWS API emulator such as moto_server; every provider and backend then points there.
   * @default undefined (real AWS endpoints)
   */
  readonly emulatorEndpoint?: string;
}
