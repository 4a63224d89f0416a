// Optional private networking (enablePrivateNetworking = true): a VNet with one subnet for the
// function app's VNet integration (Flex Consumption needs it delegated to Microsoft.App/environments)
// and one for private endpoints, plus the private DNS zones those endpoints register in.
// https://learn.microsoft.com/azure/azure-functions/flex-consumption-how-to#enable-virtual-network-integration

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Virtual network name.')
param vnetName string

@description('Address space of the VNet.')
param addressPrefix string = '10.40.0.0/16'

@description('Subnet of the function app VNet integration.')
param appSubnetPrefix string = '10.40.1.0/24'

@description('Subnet of the private endpoints.')
param privateEndpointSubnetPrefix string = '10.40.2.0/24'

@description('Log Analytics workspace resource id for diagnostic settings.')
param logAnalyticsWorkspaceId string

// Private DNS zone per service, keyed by the name main.bicep uses.
var zoneNames = {
  blob: 'privatelink.blob.${environment().suffixes.storage}'
  eventhubs: 'privatelink.servicebus.windows.net'
  cosmos: 'privatelink.documents.azure.com'
  keyvault: 'privatelink.vaultcore.azure.net'
}

resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: vnetName
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: [ addressPrefix ] }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [ { name: 'flex', properties: { serviceName: 'Microsoft.App/environments' } } ]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [for zone in items(zoneNames): {
  name: zone.value
  location: 'global'
  tags: tags
}]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [for (zone, i) in items(zoneNames): {
  parent: zones[i]
  name: '${vnetName}-link'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: { id: vnet.id }
  }
}]

resource vnetDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vnet
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    metrics: [ { category: 'AllMetrics', enabled: true } ]
  }
}

output appSubnetId string = vnet.properties.subnets[0].id
output privateEndpointSubnetId string = vnet.properties.subnets[1].id
@description('Private DNS zone resource ids keyed blob, eventhubs, cosmos, keyvault.')
output zoneIds object = {
  blob: resourceId('Microsoft.Network/privateDnsZones', zoneNames.blob)
  eventhubs: resourceId('Microsoft.Network/privateDnsZones', zoneNames.eventhubs)
  cosmos: resourceId('Microsoft.Network/privateDnsZones', zoneNames.cosmos)
  keyvault: resourceId('Microsoft.Network/privateDnsZones', zoneNames.keyvault)
}
