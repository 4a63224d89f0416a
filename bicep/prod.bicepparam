// Production: private endpoints + VNet integration, always-ready instances for the telemetry path
// and the API, provisioned (autoscale) Cosmos DB, a two-node ADX cluster with SLA.
//   az deployment sub create -n pulse-prod -l westeurope -f bicep/main.bicep -p bicep/prod.bicepparam
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

param warehouseMetricsSchedule = '0 5 * * * *'
param metricFreshnessSchedule = '0 */15 * * * *'
// Comma-separated lists from the environment; unset = none.
var ceEmails = readEnvironmentVariable('PULSE_CE_EMAILS', '')
var onCall = readEnvironmentVariable('PULSE_ONCALL_EMAILS', '')
param customerEngineeringEmails = empty(ceEmails) ? [] : split(ceEmails, ',')
param onCallEmails = empty(onCall) ? [] : split(onCall, ',')
param runbookBaseUrl = readEnvironmentVariable('PULSE_RUNBOOK_BASE_URL', 'https://github.com/pulse/pulse/blob/main/docs/RUNBOOK.md')
