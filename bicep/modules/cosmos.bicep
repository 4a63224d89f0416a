// Cosmos DB for NoSQL: serving store (docs/ARCHITECTURE.md §2). Account keys are off (disableLocalAuth) and so
// are key-based metadata writes; the function app gets the data-plane Built-in Data Contributor
// role scoped to database `pulse` only. Indexing is trimmed to what the queries need: the hot paths
// are point reads/upserts by deterministic id, which need no index at all.
import { cosmosRoleIds } from 'roles.bicep'

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Cosmos DB account name (lowercase, 3-44 chars).')
param accountName string

@description('Database name.')
param databaseName string = 'pulse'

@description('Serverless (pay per RU, dev) or provisioned autoscale throughput shared by the database (prod).')
param serverless bool

@description('Autoscale max RU/s of the shared database throughput when serverless = false.')
param autoscaleMaxThroughput int = 4000

@description('Default TTL of window documents, seconds. Cosmos is the serving store; history lives in ADX.')
param windowsTtlSeconds int = 35 * 24 * 3600

@description('TTL of dead letters, seconds (replay them before they expire).')
param deadLetterTtlSeconds int = 14 * 24 * 3600

@description('Principal id of the function app identity.')
param functionPrincipalId string

@description('When true, public network access is off and clients come through a private endpoint.')
param enablePrivateNetworking bool

@description('Log Analytics workspace resource id for diagnostic settings.')
param logAnalyticsWorkspaceId string

resource account 'Microsoft.DocumentDB/databaseAccounts@2026-03-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [ { locationName: location, failoverPriority: 0, isZoneRedundant: false } ]
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    capabilities: serverless ? [ { name: 'EnableServerless' } ] : []
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: enablePrivateNetworking ? 'Disabled' : 'Enabled'
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: { tier: 'Continuous7Days' }
    }
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2026-03-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: { id: databaseName }
    options: serverless ? {} : { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } }
  }
}

// Index only what a query filters or sorts on; everything else is excluded ('/*').
var containers = [
  {
    // Metric points (deterministic id) + the per-(tenant, metric) latest view.
    name: 'metrics'
    partitionKey: '/tenantId'
    defaultTtl: null
    includedPaths: [ '/metric/?', '/windowStart/?' ]
    compositeIndexes: []
  }
  {
    // Telemetry window state per (tenant, signal, window, source partition); listRange filters by
    // granularity and a windowStart range inside one tenant partition; signal tells OTLP metric
    // windows and stream state (signal 'metric' / 'metricstate') from request windows.
    name: 'windows'
    partitionKey: '/tenantId'
    defaultTtl: windowsTtlSeconds
    includedPaths: [ '/granularity/?', '/windowStart/?', '/signal/?' ]
    compositeIndexes: [
      [
        { path: '/granularity', order: 'ascending' }
        { path: '/windowStart', order: 'ascending' }
      ]
    ]
  }
  {
    // Job state per metric: point reads and readMany only.
    name: 'jobs'
    partitionKey: '/metric'
    defaultTtl: null
    includedPaths: []
    compositeIndexes: []
  }
  {
    // Dead letters per source partition, listed oldest first for replay (ORDER BY deadLetteredAt,
    // CosmosQueries.oldestDeadLetters: an ORDER BY path must be indexed).
    name: 'deadletter'
    partitionKey: '/partition'
    defaultTtl: deadLetterTtlSeconds
    includedPaths: [ '/deadLetteredAt/?', '/sequenceNumber/?', '/enqueuedTime/?' ]
    compositeIndexes: []
  }
  {
    // Notification episodes per tenant: point reads and replaces (ETag) only.
    name: 'notifications'
    partitionKey: '/tenantId'
    defaultTtl: null
    includedPaths: []
    compositeIndexes: []
  }
  {
    // Deferred aggregation's progress per (scope, source partition), id = partition id: point reads,
    // creates and replaces (ETag) only.
    name: 'progress'
    partitionKey: '/scope'
    defaultTtl: null
    includedPaths: []
    compositeIndexes: []
  }
]

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2026-03-15' = [for c in containers: {
  parent: database
  name: c.name
  properties: {
    resource: union({
      id: c.name
      partitionKey: { paths: [ c.partitionKey ], kind: 'Hash', version: 2 }
      indexingPolicy: {
        indexingMode: 'consistent'
        automatic: true
        includedPaths: [for p in c.includedPaths: { path: p }]
        excludedPaths: [ { path: '/*' } ]
        compositeIndexes: c.compositeIndexes
      }
    }, c.defaultTtl == null ? {} : { defaultTtl: c.defaultTtl })
  }
}]

// Data-plane RBAC (not Azure RBAC): Built-in Data Contributor, scoped to the database, not the account.
// why: the function app reads and writes items in every Pulse container; it never needs account or
// database management (COSMOS_CREATE_IF_MISSING=false), which stays with Bicep.
resource functionDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2026-03-15' = {
  parent: account
  name: guid(database.id, functionPrincipalId, cosmosRoleIds.builtInDataContributor)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${cosmosRoleIds.builtInDataContributor}'
    principalId: functionPrincipalId
    scope: '${account.id}/dbs/${database.name}'
  }
}

resource accountDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: account
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      { category: 'DataPlaneRequests', enabled: true }
      { category: 'ControlPlaneRequests', enabled: true }
      { category: 'QueryRuntimeStatistics', enabled: true }
      { category: 'PartitionKeyRUConsumption', enabled: true }
      { category: 'PartitionKeyStatistics', enabled: true }
    ]
    metrics: [ { category: 'Requests', enabled: true } ]
  }
}

output accountId string = account.id
output accountName string = account.name
output endpoint string = account.properties.documentEndpoint
output databaseName string = database.name
