// Azure Communication Services + Email Communication Service for the customer-engineering digest
// (docs/ARCHITECTURE.md §8). The app sends with EmailClient and its managed identity (ACS_ENDPOINT +
// AZURE_CLIENT_ID); access keys are switched off (disableLocalAuth), no connection string exists.
//
// Sender domains. The Azure-managed domain (xxxx.azurecomm.net) works at once and is always created.
// A custom domain (customEmailDomain) must be verified in DNS before ACS accepts it in linkedDomains,
// so it takes two deployments (docs/DEPLOY.md "Custom email domain"):
//   1. customEmailDomain set, customEmailDomainVerified false: the domain is created, the managed
//      domain stays linked and sends; output EMAIL_DOMAIN_VERIFICATION_RECORDS lists the DNS records.
//   2. after the TXT/SPF/DKIM records are published and verified (az communication email domain
//      initiate-verification), customEmailDomainVerified true: the custom domain is linked and becomes
//      the sender.
import { roleIds } from 'roles.bicep'

@description('Tags applied to every resource.')
param tags object

@description('Communication Services resource name.')
param communicationServiceName string

@description('Email Communication Service resource name.')
param emailServiceName string

@description('Where ACS stores data at rest: a geography such as Europe, United States, UK.')
param dataLocation string

@description('Custom sender domain (e.g. notify.example.com); empty = Azure-managed domain only.')
param customEmailDomain string = ''

@description('True once customEmailDomain is verified in DNS (phase 2): link it and send from it. False = create it only.')
param customEmailDomainVerified bool = false

@description('Local part of the sender address.')
param senderUsername string = 'DoNotReply'

@description('Display name of the sender.')
param senderDisplayName string = 'Pulse'

@description('Principal id of the function app identity.')
param functionPrincipalId string

@description('Log Analytics workspace resource id for diagnostic settings.')
param logAnalyticsWorkspaceId string

var createCustomDomain = !empty(customEmailDomain)
var sendFromCustomDomain = createCustomDomain && customEmailDomainVerified

// ACS resources are global; data residency is dataLocation.
resource emailService 'Microsoft.Communication/emailServices@2026-03-18' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: { dataLocation: dataLocation }
}

// Always present, so mail flows from the first deployment on (DoNotReply@<guid>.azurecomm.net).
resource managedDomain 'Microsoft.Communication/emailServices/domains@2026-03-18' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource customDomain 'Microsoft.Communication/emailServices/domains@2026-03-18' = if (createCustomDomain) {
  parent: emailService
  // ARM validates the name of a resource even when its condition is false: never an empty segment.
  name: createCustomDomain ? customEmailDomain : 'unused'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'CustomerManaged'
    userEngagementTracking: 'Disabled'
  }
}

// Azure-managed domains come with DoNotReply; a custom domain needs its sender declared.
resource sender 'Microsoft.Communication/emailServices/domains/senderUsernames@2026-03-18' = if (createCustomDomain) {
  parent: customDomain
  name: senderUsername
  properties: {
    username: senderUsername
    displayName: senderDisplayName
  }
}

// Only a verified domain may be linked (ACS rejects an unverified one, which would fail the deployment).
resource communicationService 'Microsoft.Communication/communicationServices@2026-03-18' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    disableLocalAuth: true
    linkedDomains: sendFromCustomDomain ? [ customDomain.id ] : [ managedDomain.id ]
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
output senderAddress string = sendFromCustomDomain
  ? '${senderUsername}@${customDomain!.properties.mailFromSenderDomain}'
  : 'DoNotReply@${managedDomain.properties.mailFromSenderDomain}'
@description('Phase 1 of a custom domain: the DNS records (Domain, SPF, DKIM, DKIM2, DMARC) to publish before setting customEmailDomainVerified; {} without one.')
output customDomainVerificationRecords object = createCustomDomain ? customDomain!.properties.verificationRecords : {}
