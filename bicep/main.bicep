// Pulse - everything it needs in Azure, in one subscription-scope deployment (docs/DEPLOY.md):
//   azd up                      (from the repository root: ../azure.yaml, parameters main.parameters.json)
//   az deployment sub create -l <region> -f bicep/main.bicep -p bicep/dev.bicepparam
// Modules are resource-group scoped and each owns its diagnostic settings and role assignments.
// Role ids: modules/roles.bicep. Policy checks over these files: functions/checks/src/test/java/com/pulse/infra.
targetScope = 'subscription'

// ---------------------------------------------------------------- environment
@minLength(1)
@maxLength(64)
@description('Environment name (azd AZURE_ENV_NAME): dev, prod, ... Seeds resource names.')
param environmentName string

@minLength(1)
@description('Azure region of every regional resource; must offer Flex Consumption and Azure Data Explorer.')
@metadata({ azd: { type: 'location' } })
param location string

@description('Resource group name; empty = rg-pulse-<environmentName>.')
param resourceGroupName string = ''

@description('Extra tags for every resource.')
param extraTags object = {}

@description('Private endpoints for storage, Event Hubs, Cosmos DB, Key Vault and VNet integration of the function app.')
param enablePrivateNetworking bool = false

// ---------------------------------------------------------------- function app
@description('Instance memory of the Flex Consumption app, MB.')
@allowed([ 512, 2048, 4096 ])
param functionInstanceMemoryMB int = 2048

@description('Scale-out limit of the function app.')
param functionMaximumInstanceCount int = 100

@description('Always-ready instances, e.g. [{ name: \'function:TelemetryAggregation\', instanceCount: 1 }]; [] = scale to zero.')
param alwaysReady array = []

@description('Extra JVM options of the Java worker (app setting languageWorkers__java__arguments), after the worker\'s own -XX:TieredStopAtLevel=1 (a later option wins); empty = none. prod.bicepparam lets C2 compile the hot path. Setting it makes the host restart the pre-started worker on specialization: see docs/PERFORMANCE.md "Cold start" and "which compiler the function runs with" before changing it.')
param javaWorkerArguments string = ''

@description('Client id of the Entra app registration protecting the HTTP API (create it once: README "infra"); empty = API answers 401.')
param apiClientId string = ''

// ---------------------------------------------------------------- app behaviour (app settings)
@description('NCRONTAB schedule of the WarehouseMetrics timer (seconds field first).')
param warehouseMetricsSchedule string = '0 5 * * * *'

@description('NCRONTAB schedule of the metric freshness watchdog.')
param metricFreshnessSchedule string = '0 */15 * * * *'

@description('Most missed windows one run computes per metric (catch-up cap).')
param metricsMaxCatchupWindows int = 24

@description('JDBC URL of the warehouse without credentials (Entra ID token auth), e.g. jdbc:sqlserver://srv.database.windows.net:1433;databaseName=dw;encrypt=true. Empty = the dev warehouse below if deployed, else the Key Vault secret.')
param warehouseJdbcUrl string = ''

@description('Object id of the Entra principal (the deployer) that administers a development warehouse: an Azure SQL serverless database with Entra-only auth, filled with TPC-H by the azd postprovision hook. Empty = no dev warehouse (bring your own: warehouseJdbcUrl).')
param devWarehouseAdminObjectId string = ''

@description('Entra principal type of devWarehouseAdminObjectId: User, Group or ServicePrincipal (azd AZURE_PRINCIPAL_TYPE).')
param devWarehouseAdminPrincipalType string = 'User'

@description('Attempts per metric query on transient warehouse faults (first included).')
param warehouseQueryMaxAttempts int = 5

@description('Grace added to a metric window before the freshness watchdog calls it stale, ISO 8601 duration.')
param metricFreshnessGrace string = 'PT1H'

@description('How long a Key Vault secret is cached before it is re-read, ISO 8601 duration.')
param keyVaultRefreshInterval string = 'PT15M'

@description('Allowed lateness behind the partition watermark, ISO 8601 duration.')
param telemetryAllowedLateness string = 'PT2M'

@description('Window documents per tenant, granularity, window and partition (TELEMETRY_WINDOW_SHARDS). Raise it when a batch fails the document size guard; change it only with the app stopped after a successful invocation (docs/ARCHITECTURE.md, the document layout).')
@minValue(1)
@maxValue(1000)
param telemetryWindowShards int = 1

@description('Events of a partition held at most in memory across full batches under a backlog before they are written together (TELEMETRY_HOLD_MAX_EVENTS); 256, one full batch, holds nothing. docs/ARCHITECTURE.md, holding a partition\'s events.')
@minValue(256)
@maxValue(1000000)
param telemetryHoldMaxEvents int = 65536

@description('Series versions a held write is expected to produce at most (TELEMETRY_HOLD_MAX_SERIES): a partition holds this divided by the series per event of its last write, so a write\'s memory follows its series. docs/ARCHITECTURE.md, holding a partition\'s events.')
@minValue(256)
@maxValue(10000000)
param telemetryHoldMaxSeries int = 32768

@description('MiB of event bodies an instance holds at most over all the partitions it owns, of the traces, logs and metrics hubs together (TELEMETRY_HOLD_MAX_MIB); the partition that reaches it is written.')
@minValue(1)
@maxValue(1000)
param telemetryHoldMaxMib int = 64

@description('Longest an event is held before it is written, ISO 8601 duration (TELEMETRY_HOLD_MAX_AGE).')
param telemetryHoldMaxAge string = 'PT10S'

@description('OTLP data-point attributes kept as metric series dimensions (OTLP_METRIC_DIMENSIONS; comma-separated, at most 16, or none).')
param otlpMetricDimensions string = 'http.route,http.request.method,http.response.status_code,db.system.name,db.operation.name,messaging.destination.name,cpu.mode,jvm.memory.type,jvm.memory.pool.name,system.memory.state'

@description('Re-send period of an unresolved breach in the digest, ISO 8601 duration.')
param notifyReminderPeriod string = 'P1D'

@description('Customer engineers who receive the SLO / staleness digest.')
param customerEngineeringEmails array = []

@description('Catalog file path inside the package; empty = the packaged default catalog.')
param catalogPath string = ''

// ---- tenants, per-engineer digests, telemetry SLOs
@description('Tenants file path inside the package (owners, tiers, telemetry SLOs, API roles); empty = the packaged default.')
param tenantsPath string = ''

@description('Notices listed per digest section before the rest is counted.')
param notifyDigestMaxItems int = 25

@description('Link to the customer-metrics workbook with {tenantId} where the tenant goes; empty = no links in digests.')
param notifyWorkbookLink string = ''

@description('NCRONTAB schedule of the telemetry SLO burn-rate evaluation (SloBurnRates timer).')
param sloBurnRateSchedule string = '0 */5 * * * *'

// ---------------------------------------------------------------- data services
@description('Partitions of the telemetry hub (parallelism of TelemetryAggregation).')
@minValue(1)
@maxValue(32)
param telemetryPartitionCount int = 4

@description('Capture raw telemetry to blob storage (Avro) so `replay` has real input.')
param enableTelemetryCapture bool = false

@description('Cosmos DB serverless (dev) or autoscale provisioned throughput (prod).')
param cosmosServerless bool = true

@description('ADX cluster SKU.')
param adxSkuName string = 'Dev(No SLA)_Standard_E2a_v4'

@description('ADX node count.')
param adxSkuCapacity int = 1

@description('Stop an idle ADX cluster automatically.')
param adxAutoStop bool = true

@description('Entra group (object id) of customer engineers: ADX database Viewer. Empty = none.')
param viewersGroupObjectId string = ''

@description('Entra group (object id) of Pulse operators: ADX database Admin. Empty = none.')
param adminsGroupObjectId string = ''

@secure()
@description('Warehouse JDBC connection string stored as Key Vault secret warehouse-connection; empty = not created (set it later, or use Entra auth).')
param warehouseConnectionString string = ''

@description('ACS data location (geography), e.g. Europe, United States.')
param emailDataLocation string = 'Europe'

@description('Custom sender domain; empty = Azure-managed domain only. Takes two deployments: see customEmailDomainVerified.')
param customEmailDomain string = ''

@description('Phase 2 of a custom email domain: true once its DNS records are verified; then it is linked and sends. False = created only (the Azure-managed domain sends).')
param customEmailDomainVerified bool = false

// ---------------------------------------------------------------- key vault
@description('Key Vault purge protection (prod: true). Irreversible: the vault name then stays taken for keyVaultSoftDeleteRetentionDays after a teardown.')
param keyVaultPurgeProtection bool = true

@description('Days a deleted Key Vault stays recoverable (7-90).')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionDays int = 90

@description('Seed of the Key Vault name; change it (e.g. 2) to recreate an environment while its old vault is still soft-deleted.')
param keyVaultNameSeed string = ''

// ---------------------------------------------------------------- alerting (module alerts)
@description('On-call email addresses (action group).')
param onCallEmails array = []

@description('On-call SMS receivers: [{ countryCode: \'1\', phoneNumber: \'5550100\' }].')
param onCallSmsNumbers array = []

@secure()
@description('On-call webhook (e.g. incident tool); empty = none.')
param onCallWebhookUrl string = ''

@description('Base URL of the runbooks linked from alerts.')
param runbookBaseUrl string = 'https://github.com/pulse/pulse/blob/main/docs/RUNBOOK.md'

// ---------------------------------------------------------------- names
var token = toLower(uniqueString(subscription().id, environmentName, location))
var tags = union(extraTags, { 'azd-env-name': environmentName, application: 'pulse' })
var names = {
  resourceGroup: empty(resourceGroupName) ? 'rg-pulse-${environmentName}' : resourceGroupName
  functionIdentity: 'id-pulse-func-${token}'
  alertIdentity: 'id-pulse-alerts-${token}'
  workspace: 'log-pulse-${token}'
  appInsights: 'appi-pulse-${token}'
  storage: 'stpulse${take(token, 13)}'
  eventHubs: 'evhns-pulse-${token}'
  cosmos: 'cosmos-pulse-${token}'
  // The vault name is also seeded by keyVaultNameSeed: a soft-deleted vault keeps its name reserved.
  keyVault: 'kv-pulse-${take(toLower(uniqueString(subscription().id, environmentName, location, keyVaultNameSeed)), 13)}'
  adx: 'adxpulse${take(token, 13)}'
  acs: 'acs-pulse-${token}'
  emailService: 'ecs-pulse-${token}'
  plan: 'plan-pulse-${token}'
  functionApp: 'func-pulse-${token}'
  vnet: 'vnet-pulse-${token}'
  sqlServer: 'sql-pulse-${token}'
}
var deployDevWarehouse = !empty(devWarehouseAdminObjectId)
var deploymentContainerName = 'app-package'
var captureContainerName = 'telemetry-capture'

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: rg
  name: 'identity'
  params: {
    location: location
    tags: tags
    functionIdentityName: names.functionIdentity
    alertIdentityName: names.alertIdentity
  }
}

// Subscription Activity Log (role assignments, deployments, policy) into the workspace, as table
// AzureActivity: the access-audit workbook and SECURITY.md's review path read it. A subscription
// holds at most 5 diagnostic settings; the name carries the environment so dev and prod can share one.
resource activityLogToWorkspace 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'pulse-activity-${environmentName}'
  properties: {
    workspaceId: monitoring.outputs.workspaceId
    logs: [for category in ['Administrative', 'Security', 'Policy', 'Alert']: {
      category: category
      enabled: true
    }]
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: rg
  name: 'monitoring'
  params: {
    location: location
    tags: tags
    workspaceName: names.workspace
    appInsightsName: names.appInsights
    functionPrincipalId: identity.outputs.functionPrincipalId
    alertPrincipalId: identity.outputs.alertPrincipalId
  }
}

module network 'modules/network.bicep' = if (enablePrivateNetworking) {
  scope: rg
  name: 'network'
  params: {
    location: location
    tags: tags
    vnetName: names.vnet
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
  }
}

module storage 'modules/storage.bicep' = {
  scope: rg
  name: 'storage'
  params: {
    location: location
    tags: tags
    storageAccountName: names.storage
    deploymentContainerName: deploymentContainerName
    captureContainerName: captureContainerName
    functionPrincipalId: identity.outputs.functionPrincipalId
    enablePrivateNetworking: enablePrivateNetworking
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
  }
}

module eventHubs 'modules/eventhubs.bicep' = {
  scope: rg
  name: 'eventhubs'
  params: {
    location: location
    tags: tags
    namespaceName: names.eventHubs
    telemetryPartitionCount: telemetryPartitionCount
    enableCapture: enableTelemetryCapture
    captureStorageAccountName: storage.outputs.storageAccountName
    captureContainerName: storage.outputs.captureContainerName
    functionPrincipalId: identity.outputs.functionPrincipalId
    enablePrivateNetworking: enablePrivateNetworking
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
  }
}

module cosmos 'modules/cosmos.bicep' = {
  scope: rg
  name: 'cosmos'
  params: {
    location: location
    tags: tags
    accountName: names.cosmos
    serverless: cosmosServerless
    functionPrincipalId: identity.outputs.functionPrincipalId
    enablePrivateNetworking: enablePrivateNetworking
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  scope: rg
  name: 'keyvault'
  params: {
    location: location
    tags: tags
    vaultName: names.keyVault
    enablePurgeProtection: keyVaultPurgeProtection
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionDays
    warehouseConnectionString: warehouseConnectionString
    functionPrincipalId: identity.outputs.functionPrincipalId
    enablePrivateNetworking: enablePrivateNetworking
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
  }
}

module communication 'modules/communication.bicep' = {
  scope: rg
  name: 'communication'
  params: {
    tags: tags
    communicationServiceName: names.acs
    emailServiceName: names.emailService
    dataLocation: emailDataLocation
    customEmailDomain: customEmailDomain
    customEmailDomainVerified: customEmailDomainVerified
    functionPrincipalId: identity.outputs.functionPrincipalId
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
  }
}

module adx 'modules/kusto.bicep' = {
  scope: rg
  name: 'adx'
  params: {
    location: location
    tags: tags
    clusterName: names.adx
    skuName: adxSkuName
    skuCapacity: adxSkuCapacity
    enableAutoStop: adxAutoStop
    eventHubNamespaceName: eventHubs.outputs.namespaceName
    metricsOutHubName: eventHubs.outputs.metricsOutHubName
    metricsOutConsumerGroup: eventHubs.outputs.metricsOutAdxConsumerGroup
    viewersGroupObjectId: viewersGroupObjectId
    adminsGroupObjectId: adminsGroupObjectId
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
  }
}

module warehouse 'modules/warehouse.bicep' = if (deployDevWarehouse) {
  scope: rg
  name: 'warehouse'
  params: {
    location: location
    tags: tags
    serverName: names.sqlServer
    adminObjectId: devWarehouseAdminObjectId
    adminPrincipalType: devWarehouseAdminPrincipalType == 'ServicePrincipal' ? 'Application' : devWarehouseAdminPrincipalType
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
  }
}

// The warehouse the app reads: an explicit URL wins, else the dev warehouse; empty = the Key Vault
// secret WAREHOUSE_CONNECTION_SECRET_NAME (set by hand), else the app reports that none is configured.
var appWarehouseJdbcUrl = !empty(warehouseJdbcUrl) ? warehouseJdbcUrl : (deployDevWarehouse ? warehouse!.outputs.jdbcUrl : '')

// Every setting the Java code reads (com.pulse.config.Settings, %NAME% placeholders, connection
// prefixes); AppSettingsPolicyTest compares coreAppSettings + optionalAppSettings with the code in
// both directions. Optional settings with an empty value are left out, so the code sees "unset"
// (its default) rather than an empty string.
var coreAppSettings = {
  AZURE_CLIENT_ID: identity.outputs.functionClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD;ClientId=${identity.outputs.functionClientId}'
  // OpenTelemetry mode (host.json telemetryMode): the host lets the Java worker stream its own
  // OpenTelemetry logs, avoiding duplicate host-level entries
  // (https://learn.microsoft.com/azure/azure-functions/opentelemetry-howto)
  JAVA_APPLICATIONINSIGHTS_ENABLE_TELEMETRY: 'true'
  TelemetryHub__fullyQualifiedNamespace: eventHubs.outputs.fullyQualifiedNamespace
  TelemetryHub__credential: 'managedidentity'
  TelemetryHub__clientId: identity.outputs.functionClientId
  TELEMETRY_HUB_NAME: eventHubs.outputs.telemetryHubName
  TELEMETRY_CONSUMER_GROUP: eventHubs.outputs.telemetryConsumerGroup
  TELEMETRY_RECOVERY_CONSUMER_GROUP: eventHubs.outputs.telemetryRecoveryConsumerGroup
  TELEMETRY_ALLOWED_LATENESS: telemetryAllowedLateness
  TELEMETRY_WINDOW_SHARDS: string(telemetryWindowShards)
  TELEMETRY_HOLD_MAX_EVENTS: string(telemetryHoldMaxEvents)
  TELEMETRY_HOLD_MAX_SERIES: string(telemetryHoldMaxSeries)
  TELEMETRY_HOLD_MAX_MIB: string(telemetryHoldMaxMib)
  TELEMETRY_HOLD_MAX_AGE: telemetryHoldMaxAge
  LOGS_HUB_NAME: eventHubs.outputs.logsHubName
  LOGS_CONSUMER_GROUP: eventHubs.outputs.logsConsumerGroup
  LOGS_RECOVERY_CONSUMER_GROUP: eventHubs.outputs.logsRecoveryConsumerGroup
  METRICS_HUB_NAME: eventHubs.outputs.otlpMetricsHubName
  METRICS_CONSUMER_GROUP: eventHubs.outputs.otlpMetricsConsumerGroup
  METRICS_RECOVERY_CONSUMER_GROUP: eventHubs.outputs.otlpMetricsRecoveryConsumerGroup
  OTLP_METRIC_DIMENSIONS: otlpMetricDimensions
  METRICS_OUT_NAMESPACE: eventHubs.outputs.fullyQualifiedNamespace
  METRICS_OUT_HUB_NAME: eventHubs.outputs.metricsOutHubName
  COSMOS_ENDPOINT: cosmos.outputs.endpoint
  COSMOS_DATABASE: cosmos.outputs.databaseName
  COSMOS_CREATE_IF_MISSING: 'false'
  COSMOS_CONNECTION_MODE: 'direct'
  KEY_VAULT_URI: keyVault.outputs.vaultUri
  KEY_VAULT_REFRESH_INTERVAL: keyVaultRefreshInterval
  WAREHOUSE_CONNECTION_SECRET_NAME: keyVault.outputs.warehouseSecretName
  WAREHOUSE_QUERY_MAX_ATTEMPTS: string(warehouseQueryMaxAttempts)
  WAREHOUSE_METRICS_SCHEDULE: warehouseMetricsSchedule
  METRIC_FRESHNESS_SCHEDULE: metricFreshnessSchedule
  METRIC_FRESHNESS_GRACE: metricFreshnessGrace
  METRICS_MAX_CATCHUP_WINDOWS: string(metricsMaxCatchupWindows)
  ACS_ENDPOINT: communication.outputs.endpoint
  EMAIL_SENDER_ADDRESS: communication.outputs.senderAddress
  NOTIFY_REMINDER_PERIOD: notifyReminderPeriod
  NOTIFY_DIGEST_MAX_ITEMS: string(notifyDigestMaxItems)
  SLO_BURN_RATE_SCHEDULE: sloBurnRateSchedule
}

var optionalAppSettings = {
  WAREHOUSE_JDBC_URL: appWarehouseJdbcUrl
  CATALOG_PATH: catalogPath
  NOTIFY_CUSTOMER_ENGINEERS: join(customerEngineeringEmails, ',')
  TENANTS_PATH: tenantsPath
  NOTIFY_WORKBOOK_LINK: notifyWorkbookLink
  // read by the Functions host, not Pulse: appended to the worker's JVM command line (off by default)
  languageWorkers__java__arguments: javaWorkerArguments
}

var appSettings = union(
  coreAppSettings,
  toObject(filter(items(optionalAppSettings), s => !empty(s.value)), s => s.key, s => s.value)
)

module functionApp 'modules/functionapp.bicep' = {
  scope: rg
  name: 'functionapp'
  params: {
    location: location
    tags: tags
    functionAppName: names.functionApp
    planName: names.plan
    identityId: identity.outputs.functionIdentityId
    identityClientId: identity.outputs.functionClientId
    hostStorageAccountName: storage.outputs.storageAccountName
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    instanceMemoryMB: functionInstanceMemoryMB
    maximumInstanceCount: functionMaximumInstanceCount
    alwaysReady: alwaysReady
    appSettings: appSettings
    apiClientId: apiClientId
    virtualNetworkSubnetId: enablePrivateNetworking ? network.outputs.appSubnetId : ''
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
  }
}

// ---------------------------------------------------------------- private endpoints (optional)
module blobEndpoint 'modules/private-endpoint.bicep' = if (enablePrivateNetworking) {
  scope: rg
  name: 'pe-blob'
  params: {
    location: location
    tags: tags
    name: 'pe-blob-${token}'
    subnetId: network.outputs.privateEndpointSubnetId
    targetResourceId: storage.outputs.storageAccountId
    groupId: 'blob'
    privateDnsZoneId: network.outputs.zoneIds.blob
  }
}

module eventHubsEndpoint 'modules/private-endpoint.bicep' = if (enablePrivateNetworking) {
  scope: rg
  name: 'pe-eventhubs'
  params: {
    location: location
    tags: tags
    name: 'pe-evhns-${token}'
    subnetId: network.outputs.privateEndpointSubnetId
    targetResourceId: eventHubs.outputs.namespaceId
    groupId: 'namespace'
    privateDnsZoneId: network.outputs.zoneIds.eventhubs
  }
}

module cosmosEndpoint 'modules/private-endpoint.bicep' = if (enablePrivateNetworking) {
  scope: rg
  name: 'pe-cosmos'
  params: {
    location: location
    tags: tags
    name: 'pe-cosmos-${token}'
    subnetId: network.outputs.privateEndpointSubnetId
    targetResourceId: cosmos.outputs.accountId
    groupId: 'Sql'
    privateDnsZoneId: network.outputs.zoneIds.cosmos
  }
}

module keyVaultEndpoint 'modules/private-endpoint.bicep' = if (enablePrivateNetworking) {
  scope: rg
  name: 'pe-keyvault'
  params: {
    location: location
    tags: tags
    name: 'pe-kv-${token}'
    subnetId: network.outputs.privateEndpointSubnetId
    targetResourceId: keyVault.outputs.vaultId
    groupId: 'vault'
    privateDnsZoneId: network.outputs.zoneIds.keyvault
  }
}

// ---------------------------------------------------------------- alerts and workbooks
module alerts 'modules/alerts.bicep' = {
  scope: rg
  name: 'alerts'
  params: {
    location: location
    tags: tags
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    appInsightsId: monitoring.outputs.appInsightsId
    functionAppId: functionApp.outputs.functionAppId
    eventHubNamespaceId: eventHubs.outputs.namespaceId
    cosmosAccountId: cosmos.outputs.accountId
    keyVaultId: keyVault.outputs.vaultId
    adxClusterId: adx.outputs.clusterId
    alertIdentityId: identity.outputs.alertIdentityId
    onCallEmails: onCallEmails
    onCallSmsNumbers: onCallSmsNumbers
    onCallWebhookUrl: onCallWebhookUrl
    customerEngineeringEmails: customerEngineeringEmails
    runbookBaseUrl: runbookBaseUrl
  }
}

module workbooks 'modules/workbooks.bicep' = {
  scope: rg
  name: 'workbooks'
  params: {
    location: location
    tags: tags
    appInsightsId: monitoring.outputs.appInsightsId
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    adxClusterUri: adx.outputs.clusterUri
    adxDatabaseName: adx.outputs.databaseName
  }
}

// ---------------------------------------------------------------- outputs (azd stores them in .azure/<env>/.env; never a key)
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.functionAppName
output FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_CLIENT_ID string = identity.outputs.functionClientId
output TELEMETRY_NAMESPACE string = eventHubs.outputs.fullyQualifiedNamespace
output TELEMETRY_HUB_NAME string = eventHubs.outputs.telemetryHubName
output LOGS_HUB_NAME string = eventHubs.outputs.logsHubName
output METRICS_HUB_NAME string = eventHubs.outputs.otlpMetricsHubName
output METRICS_OUT_HUB_NAME string = eventHubs.outputs.metricsOutHubName
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output COSMOS_DATABASE string = cosmos.outputs.databaseName
output KEY_VAULT_URI string = keyVault.outputs.vaultUri
output KEY_VAULT_NAME string = keyVault.outputs.vaultName
output AZURE_FUNCTION_IDENTITY_NAME string = names.functionIdentity
@description('The app\'s warehouse: empty = none configured (the timer then reports it as its first problem).')
output WAREHOUSE_JDBC_URL string = appWarehouseJdbcUrl
@description('Dev warehouse server and database for the postprovision hook; empty without one.')
output WAREHOUSE_SQL_SERVER string = deployDevWarehouse ? warehouse!.outputs.serverName : ''
output WAREHOUSE_DATABASE string = deployDevWarehouse ? warehouse!.outputs.databaseName : ''
output ADX_CLUSTER_URI string = adx.outputs.clusterUri
output ADX_DATABASE string = adx.outputs.databaseName
output ACS_ENDPOINT string = communication.outputs.endpoint
output EMAIL_SENDER_ADDRESS string = communication.outputs.senderAddress
@description('Phase 1 of a custom email domain: DNS records to publish; {} without one.')
output EMAIL_DOMAIN_VERIFICATION_RECORDS object = communication.outputs.customDomainVerificationRecords
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.appInsightsName
output LOG_ANALYTICS_WORKSPACE_ID string = monitoring.outputs.workspaceId
