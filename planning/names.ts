/**
 * Vocabulary the config schema, the model and the constructs share. It lives below the schema so
 * a construct can name a tier or a colour without depending on the config format.
 */

/** Subnet tiers of a shared VPC; `transit` holds only Transit Gateway attachments. */
export const SUBNET_TIERS = ["public", "private", "data", "transit"] as const;
export type SubnetTier = (typeof SUBNET_TIERS)[number];

/** The two colours of a Batch deployment; a new colour is how an infrastructure change rolls out. */
export const BATCH_COLOURS = ["blue", "green"] as const;
export type BatchColour = (typeof BATCH_COLOURS)[number];
