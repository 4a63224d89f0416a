// Event Hubs namespace with the two hubs of docs/ARCHITECTURE.md §2:
//   telemetry   - product telemetry in (OTLP / JSON); consumer group `pulse` for the
//                 TelemetryAggregation function, `pulse-recovery` for its recovery reads;
//                 optional Capture to blob (Avro) for `replay`.
//   otlp_logs   - OTLP logs in (the OpenTelemetry Collector kafka exporter's default logs topic);
//                 consumer group `pulse` for the LogAggregation function.
//   metrics-out - metric points and window aggregates out; consumer group `adx` for the
//                 Azure Data Explorer data connection.
//   otlp_metrics - OTLP metrics in (ExportMetricsServiceRequest, protobuf or JSON); the Collector kafka
//                 exporter's default metrics topic; consumer group `pulse` for OtlpMetricsAggregation.
// Local (SAS) auth is off and TLS 1.2 is the minimum; senders and receivers use Entra ID.
import { roleIds } from 'roles.bicep'

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Event Hubs namespace name.')
param namespaceName string

@description('Partitions of the telemetry hub (1..32 on Standard); the unit of parallelism of TelemetryAggregation.')
@minValue(1)
@maxValue(32)
param telemetryPartitionCount int

@description('Partitions of the logs hub (1..32 on Standard; fixed once created); the unit of parallelism of LogAggregation.')
@minValue(1)
@maxValue(32)
param logsPartitionCount int = telemetryPartitionCount
@description('Partitions of the OTLP metrics hub (1..32 on Standard); the unit of parallelism of OtlpMetricsAggregation.')
@minValue(1)
@maxValue(32)
param otlpMetricsPartitionCount int = 2

@description('Partitions of the metrics-out hub.')
@minValue(1)
@maxValue(32)
param metricsOutPartitionCount int = 2

@description('Event retention of both hubs, days (1..7 on Standard).')
@minValue(1)
@maxValue(7)
param retentionDays int = 1

@description('Throughput units; auto-inflate grows up to maximumThroughputUnits.')
param throughputUnits int = 1

@description('Upper bound for auto-inflate (0 = auto-inflate off).')
param maximumThroughputUnits int = 4

@description('When true, telemetry is captured to captureStorageAccountName/captureContainerName as Avro.')
param enableCapture bool

@description('Storage account (same resource group) that receives Capture files.')
param captureStorageAccountName string

@description('Blob container that receives Capture files.')
param captureContainerName string

@description('Principal id of the function app identity.')
param functionPrincipalId string

@description('When true, public network access is limited to trusted services (ADX) and private endpoints.')
param enablePrivateNetworking bool

@description('Log Analytics workspace resource id for diagnostic settings.')
param logAnalyticsWorkspaceId string

var telemetryHubName = 'telemetry'
var metricsOutHubName = 'metrics-out'
// The kafka exporter's default `logs::topic`, so a Collector needs no topic setting for logs.
var logsHubName = 'otlp_logs'
// The OpenTelemetry Collector kafka exporter's default metrics topic (exporter/kafkaexporter README).
var otlpMetricsHubName = 'otlp_metrics'

resource namespace 'Microsoft.EventHub/namespaces@2026-01-01' = {
  name: namespaceName
  location: location
  tags: tags
  sku: { name: 'Standard', tier: 'Standard', capacity: throughputUnits }
  // System-assigned identity: used only by Capture to write to blob storage.
  identity: { type: 'SystemAssigned' }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    isAutoInflateEnabled: maximumThroughputUnits > 0
    maximumThroughputUnits: maximumThroughputUnits
    publicNetworkAccess: 'Enabled' // narrowed by the network rule set below when private networking is on
  }
}

resource networkRules 'Microsoft.EventHub/namespaces/networkRuleSets@2026-01-01' = {
  parent: namespace
  name: 'default'
  properties: {
    defaultAction: enablePrivateNetworking ? 'Deny' : 'Allow'
    // Azure Data Explorer reads metrics-out as a trusted service with its managed identity.
    trustedServiceAccessEnabled: true
    publicNetworkAccess: 'Enabled'
    ipRules: []
    virtualNetworkRules: []
  }
}

resource captureStorage 'Microsoft.Storage/storageAccounts@2026-04-01' existing = {
  name: captureStorageAccountName
}

// why: Event Hubs Capture writes Avro files into the capture container with the namespace's own
// identity (no SAS); Contributor (not Owner) is enough to create blobs.
resource captureWritesBlobs 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (enableCapture) {
  name: guid(captureStorage.id, namespace.id, roleIds.storageBlobDataContributor)
  scope: captureStorage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.storageBlobDataContributor)
    principalId: namespace.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource telemetryHub 'Microsoft.EventHub/namespaces/eventhubs@2026-01-01' = {
  parent: namespace
  name: telemetryHubName
  dependsOn: [ captureWritesBlobs ]
  properties: {
    partitionCount: telemetryPartitionCount
    messageRetentionInDays: retentionDays
    // Capture with a managed identity: https://learn.microsoft.com/azure/event-hubs/event-hubs-capture-managed-identity
    captureDescription: enableCapture ? {
      enabled: true
      encoding: 'Avro'
      intervalInSeconds: 300
      sizeLimitInBytes: 314572800
      skipEmptyArchives: true
      destination: {
        name: 'EventHubArchive.AzureBlockBlob'
        identity: { type: 'SystemAssigned' }
        properties: {
          storageAccountResourceId: captureStorage.id
          blobContainer: captureContainerName
          archiveNameFormat: '{Namespace}/{EventHub}/{PartitionId}/{Year}/{Month}/{Day}/{Hour}/{Minute}/{Second}'
        }
      }
    } : null
  }
}

// No `adx` consumer group on telemetry: raw telemetry is not ingested into ADX (Pulse exports
// aggregates through metrics-out; Capture keeps the raw history for replay).
resource telemetryPulseGroup 'Microsoft.EventHub/namespaces/eventhubs/consumergroups@2026-01-01' = {
  parent: telemetryHub
  name: 'pulse'
  properties: { userMetadata: 'TelemetryAggregation function (checkpoints in host storage)' }
}

// The trigger's receivers on `pulse` are epoch (exclusive) receivers, so the deferred aggregation's
// recovery reads (EventHubsPartitionSource, by sequence number, no checkpoints) need a group of their own.
resource telemetryRecoveryGroup 'Microsoft.EventHub/namespaces/eventhubs/consumergroups@2026-01-01' = {
  parent: telemetryHub
  name: 'pulse-recovery'
  properties: { userMetadata: 'TelemetryAggregation recovery reads by sequence number (no checkpoints)' }
}

// No Capture on the logs hub: log volume is usually the largest of the three signals, and Pulse keeps
// only aggregates; `replay` works from jsonl or Capture files of the telemetry hub.
resource logsHub 'Microsoft.EventHub/namespaces/eventhubs@2026-01-01' = {
  parent: namespace
  name: logsHubName
  properties: {
    partitionCount: logsPartitionCount
    messageRetentionInDays: retentionDays
  }
}

resource logsPulseGroup 'Microsoft.EventHub/namespaces/eventhubs/consumergroups@2026-01-01' = {
  parent: logsHub
  name: 'pulse'
  properties: { userMetadata: 'LogAggregation function (checkpoints in host storage)' }
}

// LogAggregation holds events like TelemetryAggregation: its recovery reads need their own group too.
resource logsRecoveryGroup 'Microsoft.EventHub/namespaces/eventhubs/consumergroups@2026-01-01' = {
  parent: logsHub
  name: 'pulse-recovery'
  properties: { userMetadata: 'LogAggregation recovery reads by sequence number (no checkpoints)' }
}

resource metricsOutHub 'Microsoft.EventHub/namespaces/eventhubs@2026-01-01' = {
  parent: namespace
  name: metricsOutHubName
  properties: {
    partitionCount: metricsOutPartitionCount
    messageRetentionInDays: retentionDays
  }
}

resource metricsOutAdxGroup 'Microsoft.EventHub/namespaces/eventhubs/consumergroups@2026-01-01' = {
  parent: metricsOutHub
  name: 'adx'
  properties: { userMetadata: 'Azure Data Explorer data connection' }
}

resource otlpMetricsHub 'Microsoft.EventHub/namespaces/eventhubs@2026-01-01' = {
  parent: namespace
  name: otlpMetricsHubName
  properties: {
    partitionCount: otlpMetricsPartitionCount
    messageRetentionInDays: retentionDays
  }
}

resource otlpMetricsPulseGroup 'Microsoft.EventHub/namespaces/eventhubs/consumergroups@2026-01-01' = {
  parent: otlpMetricsHub
  name: 'pulse'
  properties: { userMetadata: 'OtlpMetricsAggregation function (checkpoints in host storage)' }
}

// OtlpMetricsAggregation holds events like TelemetryAggregation: its recovery reads need their own group too.
resource otlpMetricsRecoveryGroup 'Microsoft.EventHub/namespaces/eventhubs/consumergroups@2026-01-01' = {
  parent: otlpMetricsHub
  name: 'pulse-recovery'
  properties: { userMetadata: 'OtlpMetricsAggregation recovery reads by sequence number (no checkpoints)' }
}

// why: OtlpMetricsAggregation (EventHubTrigger) receives from the OTLP metrics hub only - scoped to the hub
// (the hub scope covers `pulse` and the recovery reads on `pulse-recovery`).
resource functionReceivesOtlpMetrics 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(otlpMetricsHub.id, functionPrincipalId, roleIds.eventHubsDataReceiver)
  scope: otlpMetricsHub
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.eventHubsDataReceiver)
    principalId: functionPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// why: TelemetryAggregation (EventHubTrigger) receives from the telemetry hub only - scoped to the hub, not the namespace
// (the hub scope covers all its consumer groups: `pulse` and the recovery reads on `pulse-recovery`).
resource functionReceivesTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(telemetryHub.id, functionPrincipalId, roleIds.eventHubsDataReceiver)
  scope: telemetryHub
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.eventHubsDataReceiver)
    principalId: functionPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// why: LogAggregation (EventHubTrigger) receives from the logs hub only - scoped to the hub, not the namespace
// (the hub scope covers `pulse` and the recovery reads on `pulse-recovery`).
resource functionReceivesLogs 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(logsHub.id, functionPrincipalId, roleIds.eventHubsDataReceiver)
  scope: logsHub
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.eventHubsDataReceiver)
    principalId: functionPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// why: both functions export metric points / window aggregates to metrics-out only - send, not listen.
resource functionSendsMetrics 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(metricsOutHub.id, functionPrincipalId, roleIds.eventHubsDataSender)
  scope: metricsOutHub
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.eventHubsDataSender)
    principalId: functionPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource namespaceDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: namespace
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logAnalyticsDestinationType: 'Dedicated'
    // allLogs: operational, Capture (ArchiveLogs), auto-inflate and Kafka logs on Standard; runtime
    // audit logs as well if the namespace is ever moved to Premium (they are Premium-only).
    logs: [ { categoryGroup: 'allLogs', enabled: true } ]
    metrics: [ { category: 'AllMetrics', enabled: true } ]
  }
}

output namespaceId string = namespace.id
output namespaceName string = namespace.name
@description('Host name used by identity-based clients, e.g. pulse-eh.servicebus.windows.net.')
output fullyQualifiedNamespace string = replace(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':443/', '')
output telemetryHubName string = telemetryHub.name
output telemetryConsumerGroup string = telemetryPulseGroup.name
output telemetryRecoveryConsumerGroup string = telemetryRecoveryGroup.name
output logsHubName string = logsHub.name
output logsHubId string = logsHub.id
output logsConsumerGroup string = logsPulseGroup.name
output logsRecoveryConsumerGroup string = logsRecoveryGroup.name
output metricsOutHubName string = metricsOutHub.name
output metricsOutHubId string = metricsOutHub.id
output metricsOutAdxConsumerGroup string = metricsOutAdxGroup.name
output otlpMetricsHubName string = otlpMetricsHub.name
output otlpMetricsConsumerGroup string = otlpMetricsPulseGroup.name
output otlpMetricsRecoveryConsumerGroup string = otlpMetricsRecoveryGroup.name
