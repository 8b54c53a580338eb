/**
 * Resource types that running workloads sit in or route through: replacing one deletes it and
 * makes a new one, which fails while something still uses it (a subnet with ENIs, a compute
 * environment a job queue orders) or cuts off whatever was there. No data is lost, so they are
 * not data at risk, but a plan that replaces them must be merged only on purpose.
 */
export const DISRUPTIVE_REPLACEMENT_TYPES: Readonly<Record<string, string>> = {
  aws_vpc: "VPC (everything in it)",
  aws_subnet: "subnet (its ENIs: instances, endpoints, load balancers, EKS nodes)",
  aws_ec2_transit_gateway_vpc_attachment: "Transit Gateway attachment (the VPC's routes to every other VPC)",
  aws_ec2_transit_gateway_peering_attachment: "Transit Gateway peering (traffic between regions)",
  aws_batch_compute_environment: "Batch compute environment (its running jobs; queues that order it)",
};

/** What a replacement of `resourceType` disrupts, or undefined when nothing lives in it. */
export function disruptedByReplacing(resourceType: string): string | undefined {
  return DISRUPTIVE_REPLACEMENT_TYPES[resourceType];
}
