// The Pulse function app on the Flex Consumption plan (Linux, Java 17). Runs as the user-assigned
// identity; host storage, Event Hubs, Cosmos DB, Key Vault, ACS and App Insights are all reached with
// Entra ID. The HTTP API sits behind App Service authentication (Entra ID); timer and Event Hub
// triggers are not affected by it.
// Flex Consumption reference: https://learn.microsoft.com/azure/azure-functions/flex-consumption-how-to
// authsettingsV2 reference: https://learn.microsoft.com/azure/app-service/configure-authentication-provider-aad

@description('Azure region (must offer Flex Consumption).')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Function app name (also the host name prefix).')
param functionAppName string

@description('Flex Consumption plan name.')
param planName string

@description('azd service name this app hosts (azure.yaml services.<name>).')
param azdServiceName string = 'pulse'

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity (AzureWebJobsStorage__clientId).')
param identityClientId string

@description('Host storage account name (AzureWebJobsStorage__accountName).')
param hostStorageAccountName string

@description('Blob container URL of the deployment package, e.g. https://st.blob.core.windows.net/deployment.')
param deploymentContainerUrl string

@description('Instance memory, MB: 512, 2048 or 4096.')
@allowed([ 512, 2048, 4096 ])
param instanceMemoryMB int = 2048

@description('Upper bound of scale-out (40..1000).')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Always-ready instances per function group or function, e.g. [{ name: \'http\', instanceCount: 1 }, { name: \'function:TelemetryAggregation\', instanceCount: 1 }].')
param alwaysReady array = []

@description('App settings (name -> value). Built in main.bicep from the settings the code reads.')
param appSettings object

@description('Client id of the Entra app registration that protects the HTTP API; empty = every HTTP call is refused (401) until one is set.')
param apiClientId string

@description('Subnet (delegated to Microsoft.App/environments) for VNet integration; empty = none.')
param virtualNetworkSubnetId string = ''

@description('Log Analytics workspace resource id for diagnostic settings.')
param logAnalyticsWorkspaceId string

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: functionAppName
  location: location
  tags: union(tags, { 'azd-service-name': azdServiceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    virtualNetworkSubnetId: empty(virtualNetworkSubnetId) ? null : virtualNetworkSubnetId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: alwaysReady
      }
      runtime: { name: 'java', version: '17' }
    }
  }
}

// Host storage over Entra ID: the host builds its blob client from these three settings.
var hostSettings = {
  AzureWebJobsStorage__accountName: hostStorageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
}

resource settings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(appSettings, hostSettings)
}

// Publishing with user/password (FTP, SCM basic auth) is off; azd and `az functionapp deploy` use Entra ID.
resource ftpBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'ftp'
  properties: { allow: false }
}

resource scmBasicAuth 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2025-03-01' = {
  parent: site
  name: 'scm'
  properties: { allow: false }
}

resource auth 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: { enabled: true }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      // Liveness only (no tenant data): deployment smoke tests and availability tests call it anonymously.
      excludedPaths: [ '/api/health' ]
    }
    httpSettings: { requireHttps: true }
    identityProviders: {
      azureActiveDirectory: {
        enabled: !empty(apiClientId)
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
          clientId: apiClientId
        }
        validation: {
          allowedAudiences: empty(apiClientId) ? [] : [ 'api://${apiClientId}', apiClientId ]
        }
      }
    }
    login: { tokenStore: { enabled: false } }
  }
}

resource planDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: plan
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    metrics: [ { category: 'AllMetrics', enabled: true } ]
  }
}

resource siteDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [ { category: 'FunctionAppLogs', enabled: true } ]
    metrics: [ { category: 'AllMetrics', enabled: true } ]
  }
}

output functionAppId string = site.id
output functionAppName string = site.name
output defaultHostName string = site.properties.defaultHostName
