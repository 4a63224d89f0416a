// Key Vault in RBAC mode (no access policies) with soft delete, and purge protection where the
// environment asks for it (prod). A vault name stays reserved while the vault is soft-deleted (and,
// with purge protection, cannot be freed before softDeleteRetentionInDays): main.bicep seeds the
// name with keyVaultNameSeed so a torn-down environment can be recreated (docs/DEPLOY.md
// "Tearing down and redeploying"). Holds the
// warehouse JDBC URL (server and database, no credentials: the app connects with an Entra token and
// refuses a URL carrying a password), so reads of it are audited. It is created only when a value is
// passed at deploy time; otherwise the operator sets it (az keyvault secret set) and the app reads
// WAREHOUSE_CONNECTION_SECRET_NAME.
import { roleIds } from 'roles.bicep'

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Key Vault name (3-24 chars).')
param vaultName string

@description('Purge protection: a deleted vault and its secrets cannot be purged before the retention ends (prod). Irreversible once on.')
param enablePurgeProtection bool

@description('Days a deleted vault stays recoverable (7-90); its name stays taken that long.')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('Name of the warehouse connection secret.')
param warehouseSecretName string = 'warehouse-connection'

@secure()
@description('Warehouse JDBC connection string; empty = do not create the secret (preferred: Entra ID auth, no password).')
param warehouseConnectionString string = ''

@description('Principal id of the function app identity.')
param functionPrincipalId string

@description('When true, public network access is off and clients come through a private endpoint.')
param enablePrivateNetworking bool

@description('Log Analytics workspace resource id for diagnostic settings.')
param logAnalyticsWorkspaceId string

resource vault 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    // ARM accepts only true or absent: purge protection cannot be switched off once on.
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: enablePrivateNetworking ? 'Disabled' : 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: enablePrivateNetworking ? 'Deny' : 'Allow'
    }
  }
}

resource warehouseSecret 'Microsoft.KeyVault/vaults/secrets@2026-02-01' = if (!empty(warehouseConnectionString)) {
  parent: vault
  name: warehouseSecretName
  properties: {
    value: warehouseConnectionString
    contentType: 'JDBC connection string'
  }
}

// why: WarehouseMetrics reads the warehouse connection secret at start-up; read secrets only, no keys/certificates, no writes.
resource functionReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, functionPrincipalId, roleIds.keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.keyVaultSecretsUser)
    principalId: functionPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource vaultDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [
      { category: 'AuditEvent', enabled: true }
      { category: 'AzurePolicyEvaluationDetails', enabled: true }
    ]
    metrics: [ { category: 'AllMetrics', enabled: true } ]
  }
}

output vaultId string = vault.id
output vaultName string = vault.name
output vaultUri string = vault.properties.vaultUri
output warehouseSecretName string = warehouseSecretName
