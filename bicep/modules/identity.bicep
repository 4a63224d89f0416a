// User-assigned managed identities: one for the function app (every data-plane call Pulse makes),
// one for the alert rules (scheduled query rules read Log Analytics / App Insights with it).
// A user-assigned identity exists before the app, so role assignments are in place when it starts.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Name of the function app identity.')
param functionIdentityName string

@description('Name of the alert rules identity.')
param alertIdentityName string

resource functionIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: functionIdentityName
  location: location
  tags: tags
}

resource alertIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: alertIdentityName
  location: location
  tags: tags
}

output functionIdentityId string = functionIdentity.id
output functionPrincipalId string = functionIdentity.properties.principalId
output functionClientId string = functionIdentity.properties.clientId
output alertIdentityId string = alertIdentity.id
output alertPrincipalId string = alertIdentity.properties.principalId
