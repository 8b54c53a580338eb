/** Tags every resource of a stack carries, through the provider's default_tags. */
export interface StackTagProps {
  /** Environment name, or "global" for account-wide stacks such as bootstrap. */
  readonly environment: string;
  /** Team that owns the platform. */
  readonly owner: string;
  /** Stack name, so a resource found in the console leads back to its state key. */
  readonly stack: string;
}

export function defaultTagsFor(props: StackTagProps): Record<string, string> {
  return {
    environment: props.environment,
    owner: props.owner,
    "managed-by": "orgplat",
    stack: props.stack,
  };
}
