/**
 * CloudWatch metrics the alarms may use, per namespace, with the dimension sets AWS publishes them
 * with: from each service's CloudWatch metrics page (EventBridge "Monitoring Amazon EventBridge", SQS
 * "Available CloudWatch metrics for Amazon SQS", EKS user guide "Basic metrics in Amazon CloudWatch",
 * VPC "CloudWatch metrics for your NAT gateway", Transit Gateway "CloudWatch metrics for your transit
 * gateways", S3 "Metrics and dimensions" request metrics). Written out by hand, so a typo in the
 * catalog is caught against a second source.
 */
export const KNOWN_METRICS: Readonly<Record<string, Readonly<Record<string, readonly (readonly string[])[]>>>> = {
  "AWS/Events": {
    MatchedEvents: [[], ["RuleName"]],
    TriggeredRules: [["RuleName"]],
    Invocations: [[], ["RuleName"]],
    FailedInvocations: [["RuleName"]],
  },
  "AWS/SQS": {
    ApproximateNumberOfMessagesVisible: [["QueueName"]],
    ApproximateAgeOfOldestMessage: [["QueueName"]],
    NumberOfMessagesSent: [["QueueName"]],
  },
  "AWS/EKS": {
    apiserver_request_total: [["ClusterName"]],
    apiserver_request_total_4XX: [["ClusterName"]],
    apiserver_request_total_5XX: [["ClusterName"]],
    apiserver_request_total_429: [["ClusterName"]],
    scheduler_pending_pods: [["ClusterName"]],
  },
  "AWS/NATGateway": {
    ErrorPortAllocation: [["NatGatewayId"]],
    PacketsDropCount: [["NatGatewayId"]],
    BytesOutToDestination: [["NatGatewayId"]],
    BytesInFromSource: [["NatGatewayId"]],
  },
  "AWS/TransitGateway": {
    BytesIn: [["TransitGateway"], ["TransitGateway", "TransitGatewayAttachment"]],
    BytesOut: [["TransitGateway"], ["TransitGateway", "TransitGatewayAttachment"]],
    PacketDropCountBlackhole: [["TransitGateway"], ["TransitGateway", "TransitGatewayAttachment"]],
    PacketDropCountNoRoute: [["TransitGateway"], ["TransitGateway", "TransitGatewayAttachment"]],
  },
  "AWS/S3": {
    "4xxErrors": [["BucketName", "FilterId"]],
    "5xxErrors": [["BucketName", "FilterId"]],
    AllRequests: [["BucketName", "FilterId"]],
  },
};
