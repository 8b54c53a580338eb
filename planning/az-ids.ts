const DIRECTION_CODES: Readonly<Record<string, string>> = {
  east: "e",
  west: "w",
  north: "n",
  south: "s",
  central: "c",
  northeast: "ne",
  northwest: "nw",
  southeast: "se",
  southwest: "sw",
};

/** Region names look like "us-east-1", "ap-southeast-1", "us-gov-west-1". */
export const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/**
 * The prefix every AZ ID of a region carries: "us-east-1" → "use1", "ap-southeast-1" → "apse1",
 * "us-gov-west-1" → "usgw1". AWS derives AZ IDs this way, so an ID from another region is caught
 * before it reaches a plan.
 */
export function azIdPrefixOf(region: string): string {
  const parts = region.split("-");
  const partition = parts[0];
  const number = parts[parts.length - 1];
  const words = parts.slice(1, -1).map((w) => DIRECTION_CODES[w] ?? w[0]);
  return `${partition}${words.join("")}${number}`;
}

/** True when `azId` (e.g. "use1-az4") names a zone of `region` (e.g. "us-east-1"). */
export function azIdBelongsTo(azId: string, region: string): boolean {
  return new RegExp(`^${azIdPrefixOf(region)}-az\\d{1,2}$`).test(azId);
}
