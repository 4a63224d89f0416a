// Production: private endpoints + VNet integration, always-ready instances for the telemetry path
// and the API, provisioned (autoscale) Cosmos DB, a two-node ADX cluster with SLA.
//   az deployment sub create -n pulse-prod -l westeurope -f bicep/main.bicep -p bicep/prod.bicepparam
// REQUIRED environment variables (no default, on purpose: prod never runs without them):
//   PULSE_VIEWERS_GROUP_ID, PULSE_ADMINS_GROUP_ID (Entra group object ids), PULSE_API_CLIENT_ID
//   (the API's app registration). Unset, the build stops with "Environment variable ... does not
//   exist"; the deploy workflow checks them first and names the missing ones (docs/DEPLOY.md
//   "Production parameters"). Every readEnvironmentVariable without a default here is required.
using 'main.bicep'

param environmentName = 'prod'
param location = readEnvironmentVariable('AZURE_LOCATION', 'westeurope')

param enablePrivateNetworking = true
param functionInstanceMemoryMB = 4096
param functionMaximumInstanceCount = 200
param alwaysReady = [
  { name: 'function:TelemetryAggregation', instanceCount: 2 }
  { name: 'http', instanceCount: 1 }
]
// The Java worker runs C1 only (fast start); these let C2 compile the hot path, which the long-lived
// always-ready instances pay back after about a million events (docs/PERFORMANCE.md, 2026-12-02
// 12:45 "which compiler the function runs with").
param javaWorkerArguments = '-XX:TieredStopAtLevel=4 -XX:Tier4InvocationThreshold=100000 -XX:Tier4MinInvocationThreshold=12000 -XX:Tier4CompileThreshold=300000 -XX:Tier4BackEdgeThreshold=800000'

param telemetryPartitionCount = 16
param enableTelemetryCapture = true
param cosmosServerless = false
param adxSkuName = 'Standard_E2ads_v5'
param adxSkuCapacity = 2
param adxAutoStop = false

param viewersGroupObjectId = readEnvironmentVariable('PULSE_VIEWERS_GROUP_ID')
param adminsGroupObjectId = readEnvironmentVariable('PULSE_ADMINS_GROUP_ID')
param apiClientId = readEnvironmentVariable('PULSE_API_CLIENT_ID')
param customEmailDomain = readEnvironmentVariable('PULSE_EMAIL_DOMAIN', '')
// Two phases: deploy with the domain, publish its DNS records, verify, then set this to true.
param customEmailDomainVerified = readEnvironmentVariable('PULSE_EMAIL_DOMAIN_VERIFIED', 'false') == 'true'

param keyVaultPurgeProtection = true
param keyVaultSoftDeleteRetentionDays = 90
param keyVaultNameSeed = readEnvironmentVariable('PULSE_KEY_VAULT_NAME_SEED', '')

// Production brings its own warehouse (SQL Server family, Entra auth for the function identity).
param warehouseJdbcUrl = readEnvironmentVariable('PULSE_WAREHOUSE_JDBC_URL', '')

param warehouseMetricsSchedule = '0 5 * * * *'
param metricFreshnessSchedule = '0 */15 * * * *'
// Comma-separated lists from the environment; unset = none.
var ceEmails = readEnvironmentVariable('PULSE_CE_EMAILS', '')
var onCall = readEnvironmentVariable('PULSE_ONCALL_EMAILS', '')
param customerEngineeringEmails = empty(ceEmails) ? [] : split(ceEmails, ',')
param onCallEmails = empty(onCall) ? [] : split(onCall, ',')
param runbookBaseUrl = readEnvironmentVariable('PULSE_RUNBOOK_BASE_URL', 'https://github.com/pulse/pulse/blob/main/docs/RUNBOOK.md')
