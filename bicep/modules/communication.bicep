// Azure Communication Services + Email Communication Service for the customer-engineering digest
// (docs/ARCHITECTURE.md §8). The sender domain is Azure-managed by default (xxxx.azurecomm.net, works at once) or a
// custom domain the operator verifies in DNS after deployment. The app sends with EmailClient and
// its managed identity (ACS_ENDPOINT + AZURE_CLIENT_ID); no connection string or access key is used.
import { roleIds } from 'roles.bicep'

@description('Tags applied to every resource.')
param tags object

@description('Communication Services resource name.')
param communicationServiceName string

@description('Email Communication Service resource name.')
param emailServiceName string

@description('Where ACS stores data at rest: a geography such as Europe, United States, UK.')
param dataLocation string

@description('Custom sender domain (e.g. notify.example.com); empty = Azure-managed domain.')
param customEmailDomain string = ''

@description('Local part of the sender address.')
param senderUsername string = 'DoNotReply'

@description('Display name of the sender.')
param senderDisplayName string = 'Pulse'

@description('Principal id of the function app identity.')
param functionPrincipalId string

@description('Log Analytics workspace resource id for diagnostic settings.')
param logAnalyticsWorkspaceId string

var useCustomDomain = !empty(customEmailDomain)

// ACS resources are global; data residency is dataLocation.
resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: { dataLocation: dataLocation }
}

resource domain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  name: useCustomDomain ? customEmailDomain : 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: useCustomDomain ? 'CustomerManaged' : 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

// Azure-managed domains come with DoNotReply; a custom domain needs its sender declared.
resource sender 'Microsoft.Communication/emailServices/domains/senderUsernames@2023-04-01' = if (useCustomDomain) {
  parent: domain
  name: senderUsername
  properties: {
    username: senderUsername
    displayName: senderDisplayName
  }
}

// Access keys exist on ACS but are never read (no listKeys). `disableLocalAuth` is not in the
// 2023-04-01 schema used here (the one Azure Verified Modules use); switch it on when moving to an
// API version that has it.
resource communicationService 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    linkedDomains: [ domain.id ]
  }
}

// why: EmailClient with Entra ID needs an ACS role on the resource; ACS honours only built-in roles
// and this is the narrowest one that can send mail. Scoped to this one ACS resource.
resource functionSendsEmail 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communicationService.id, functionPrincipalId, roleIds.communicationAndEmailServiceOwner)
  scope: communicationService
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.communicationAndEmailServiceOwner)
    principalId: functionPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Email send, delivery-status and engagement logs are emitted by the Communication Services resource.
resource communicationDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: communicationService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [ { categoryGroup: 'allLogs', enabled: true } ]
    metrics: [ { category: 'AllMetrics', enabled: true } ]
  }
}

output communicationServiceId string = communicationService.id
@description('Endpoint for EmailClient, e.g. https://pulse-acs.europe.communication.azure.com.')
output endpoint string = 'https://${communicationService.properties.hostName}'
@description('Sender address for the digest, e.g. DoNotReply@<guid>.azurecomm.net.')
output senderAddress string = '${useCustomDomain ? senderUsername : 'DoNotReply'}@${domain.properties.mailFromSenderDomain}'
