// Development environment: scale to zero, serverless Cosmos DB, Dev(No SLA) ADX that auto-stops,
// public endpoints (Entra ID still required everywhere), telemetry Capture on for `replay`.
//   az deployment sub create -n pulse-dev -l westeurope -f bicep/main.bicep -p bicep/dev.bicepparam
using 'main.bicep'

param environmentName = 'dev'
param location = readEnvironmentVariable('AZURE_LOCATION', 'westeurope')

param enablePrivateNetworking = false
param functionInstanceMemoryMB = 2048
param functionMaximumInstanceCount = 40
param alwaysReady = []

param telemetryPartitionCount = 2
param enableTelemetryCapture = true
param cosmosServerless = true
param adxSkuName = 'Dev(No SLA)_Standard_E2a_v4'
param adxSkuCapacity = 1
param adxAutoStop = true

// Object ids of Entra groups; set them (or export the env vars) before deploying.
param viewersGroupObjectId = readEnvironmentVariable('PULSE_VIEWERS_GROUP_ID', '')
param adminsGroupObjectId = readEnvironmentVariable('PULSE_ADMINS_GROUP_ID', '')
param apiClientId = readEnvironmentVariable('PULSE_API_CLIENT_ID', '')

// Key Vault without purge protection and with the shortest retention, so a torn-down dev environment
// can be purged and recreated; PULSE_KEY_VAULT_NAME_SEED gives a new vault name instead.
param keyVaultPurgeProtection = false
param keyVaultSoftDeleteRetentionDays = 7
param keyVaultNameSeed = readEnvironmentVariable('PULSE_KEY_VAULT_NAME_SEED', '')

// Dev warehouse (Azure SQL serverless, Entra-only) administered by this principal; unset = none.
// azd passes the signed-in principal itself (main.parameters.json); the GitHub workflow passes these.
param devWarehouseAdminObjectId = readEnvironmentVariable('PULSE_WAREHOUSE_ADMIN_ID', '')
param devWarehouseAdminPrincipalType = readEnvironmentVariable('PULSE_WAREHOUSE_ADMIN_TYPE', 'User')

param warehouseMetricsSchedule = '0 5 * * * *'
param metricFreshnessSchedule = '0 */15 * * * *'
param customerEngineeringEmails = []
param onCallEmails = []
