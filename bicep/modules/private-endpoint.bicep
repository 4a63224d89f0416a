// One private endpoint into the private-endpoint subnet, registered in its private DNS zone.
// Used by main.bicep for storage (blob), Event Hubs, Cosmos DB and Key Vault when
// enablePrivateNetworking = true. https://learn.microsoft.com/azure/private-link/private-endpoint-dns

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Private endpoint name.')
param name string

@description('Subnet the endpoint gets its IP from.')
param subnetId string

@description('Resource the endpoint connects to.')
param targetResourceId string

@description('Sub-resource (group id): blob, namespace, Sql, vault.')
param groupId string

@description('Private DNS zone the endpoint registers its A record in.')
param privateDnsZoneId string

resource endpoint 'Microsoft.Network/privateEndpoints@2025-09-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      {
        name: name
        properties: {
          privateLinkServiceId: targetResourceId
          groupIds: [ groupId ]
        }
      }
    ]
  }
}

resource dnsGroup 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-09-01' = {
  parent: endpoint
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [ { name: groupId, properties: { privateDnsZoneId: privateDnsZoneId } } ]
  }
}

output privateEndpointId string = endpoint.id
