// Azure Data Explorer: history store (docs/ARCHITECTURE.md §2). The schema is code: database script resources
// run the .kql files in bicep/adx/ in order (tables, JSON ingestion mappings, materialized views,
// stored functions). One Event Hub data connection reads metrics-out with the cluster's system
// identity and routes each event dynamically: every event carries the properties Table, Format and
// IngestionMappingReference, so tableName/mappingRuleName stay empty and one connection feeds
// both tables. https://learn.microsoft.com/azure/data-explorer/ingest-data-event-hub-overview#events-routing
import { roleIds, kustoDatabaseRoles } from 'roles.bicep'

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Cluster name (4-22 lowercase letters and digits).')
param clusterName string

@description('Cluster SKU; the Dev SKU has no SLA and one node.')
param skuName string = 'Dev(No SLA)_Standard_E2a_v4'

@description('Node count (1 for Dev SKUs, 2+ otherwise).')
param skuCapacity int = 1

@description('Stop the cluster after days of inactivity (dev cost saver).')
param enableAutoStop bool = true

@description('Database name.')
param databaseName string = 'pulse'

@description('How long data is kept (ISO 8601 duration).')
param softDeletePeriod string = 'P365D'

@description('How long data stays in hot cache (ISO 8601 duration).')
param hotCachePeriod string = 'P31D'

@description('Event Hubs namespace (same resource group) holding metrics-out.')
param eventHubNamespaceName string

@description('Hub the data connection reads.')
param metricsOutHubName string

@description('Consumer group the data connection reads with.')
param metricsOutConsumerGroup string

@description('Entra group object id of customer engineers: database Viewer (Workbooks query as the signed-in user). Empty = none.')
param viewersGroupObjectId string

@description('Entra group object id of Pulse operators: database Admin. Empty = none.')
param adminsGroupObjectId string

@description('Log Analytics workspace resource id for diagnostic settings.')
param logAnalyticsWorkspaceId string

resource cluster 'Microsoft.Kusto/clusters@2025-02-14' = {
  name: clusterName
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: startsWith(skuName, 'Dev(No SLA)') ? 'Basic' : 'Standard'
    capacity: skuCapacity
  }
  identity: { type: 'SystemAssigned' }
  properties: {
    engineType: 'V3'
    enableAutoStop: enableAutoStop
    enableStreamingIngest: false
    enablePurge: false
    enableDiskEncryption: true
    publicNetworkAccess: 'Enabled'
    restrictOutboundNetworkAccess: 'Disabled'
  }
}

resource database 'Microsoft.Kusto/clusters/databases@2025-02-14' = {
  parent: cluster
  name: databaseName
  location: location
  kind: 'ReadWrite'
  properties: {
    softDeletePeriod: softDeletePeriod
    hotCachePeriod: hotCachePeriod
  }
}

// Schema scripts, run in order (each waits for the previous one). The script text is a secure
// module parameter: see modules/kusto-script.bicep for why.
module tablesScript 'kusto-script.bicep' = {
  name: '${deployment().name}-kql-01'
  params: {
    clusterName: cluster.name
    databaseName: database.name
    scriptName: 'pulse-01-tables'
    scriptContent: loadTextContent('../adx/01-tables.kql')
  }
}

module mappingsScript 'kusto-script.bicep' = {
  name: '${deployment().name}-kql-02'
  dependsOn: [ tablesScript ]
  params: {
    clusterName: cluster.name
    databaseName: database.name
    scriptName: 'pulse-02-mappings'
    scriptContent: loadTextContent('../adx/02-mappings.kql')
  }
}

module viewsScript 'kusto-script.bicep' = {
  name: '${deployment().name}-kql-03'
  dependsOn: [ mappingsScript ]
  params: {
    clusterName: cluster.name
    databaseName: database.name
    scriptName: 'pulse-03-views'
    scriptContent: loadTextContent('../adx/03-views.kql')
  }
}

module functionsScript 'kusto-script.bicep' = {
  name: '${deployment().name}-kql-04'
  dependsOn: [ viewsScript ]
  params: {
    clusterName: cluster.name
    databaseName: database.name
    scriptName: 'pulse-04-functions'
    scriptContent: loadTextContent('../adx/04-functions.kql')
  }
}

resource viewers 'Microsoft.Kusto/clusters/databases/principalAssignments@2025-02-14' = if (!empty(viewersGroupObjectId)) {
  parent: database
  name: 'customer-engineers-viewer'
  properties: {
    principalId: viewersGroupObjectId
    principalType: 'Group'
    role: kustoDatabaseRoles.viewer
    tenantId: tenant().tenantId
  }
}

resource admins 'Microsoft.Kusto/clusters/databases/principalAssignments@2025-02-14' = if (!empty(adminsGroupObjectId)) {
  parent: database
  name: 'operators-admin'
  properties: {
    principalId: adminsGroupObjectId
    principalType: 'Group'
    role: kustoDatabaseRoles.admin
    tenantId: tenant().tenantId
  }
}

resource namespace 'Microsoft.EventHub/namespaces@2026-01-01' existing = {
  name: eventHubNamespaceName
}

resource metricsOutHub 'Microsoft.EventHub/namespaces/eventhubs@2026-01-01' existing = {
  parent: namespace
  name: metricsOutHubName
}

// why: the data connection reads metrics-out with the cluster's system identity (no SAS key); receive only, this hub only.
resource clusterReceivesMetrics 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(metricsOutHub.id, cluster.id, roleIds.eventHubsDataReceiver)
  scope: metricsOutHub
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.eventHubsDataReceiver)
    principalId: cluster.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource metricsOutConnection 'Microsoft.Kusto/clusters/databases/dataConnections@2025-02-14' = {
  parent: database
  name: 'metrics-out'
  location: location
  kind: 'EventHub'
  dependsOn: [ mappingsScript, clusterReceivesMetrics ]
  properties: {
    eventHubResourceId: metricsOutHub.id
    consumerGroup: metricsOutConsumerGroup
    // The cluster resource id selects its system-assigned identity.
    managedIdentityResourceId: cluster.id
    // Default format; each event's Format property overrides it (dynamic routing).
    dataFormat: 'JSON'
    // Empty: each event names its Table and IngestionMappingReference (dynamic routing).
    tableName: ''
    mappingRuleName: ''
    // 'Single': events may not route to another database than this one.
    databaseRouting: 'Single'
    compression: 'None'
    eventSystemProperties: []
  }
}

resource clusterDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: cluster
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      { category: 'Command', enabled: true }
      { category: 'Query', enabled: true }
      { category: 'SucceededIngestion', enabled: true }
      { category: 'FailedIngestion', enabled: true }
      { category: 'IngestionBatching', enabled: true }
      { category: 'Journal', enabled: true }
    ]
    metrics: [ { category: 'AllMetrics', enabled: true } ]
  }
}

output clusterId string = cluster.id
output clusterName string = cluster.name
@description('Query/management URI, e.g. https://pulseadx.westeurope.kusto.windows.net.')
output clusterUri string = cluster.properties.uri
output databaseName string = database.name
