/** A region's Transit Gateway as other stacks see it (through the transit stack's outputs). */
export interface TransitGatewayRef {
  readonly region: string;
  readonly transitGatewayId: string;
  /** Route table of a routing domain: its VPCs associate with and propagate into it. */
  routeTableId(domain: string): string;
  /**
   * Route table the peering attachments are associated with: traffic from peered regions is
   * looked up here, and every VPC of the region propagates into it.
   * Undefined when the org has a single region (nothing to peer).
   */
  readonly peeringRouteTableId?: string;
}
