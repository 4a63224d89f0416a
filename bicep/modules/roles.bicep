// Built-in role definition ids used by Pulse, in one place. Every role assignment in bicep/ takes
// its role id from here (the policy test checks this), so an auditor reads the access matrix from
// one file. Ids: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
// This file declares no resources; modules import it with `import { roleIds } from 'roles.bicep'`.

@export()
@description('Azure RBAC built-in role definition ids (GUIDs), by role name.')
var roleIds = {
  // Microsoft.Storage
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  // Microsoft.EventHub
  eventHubsDataReceiver: 'a638d3c7-ab3a-418d-83e6-5f17a39d4fde'
  eventHubsDataSender: '2b629674-e913-4c01-ae53-ef4638d8f975'
  // Microsoft.KeyVault
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  // Microsoft.Insights / Microsoft.OperationalInsights
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
  monitoringReader: '43d0d8ad-25c7-4714-9337-8ba259a9fe05'
  logAnalyticsReader: '73c42c96-874c-492b-b04d-ab87d138a893'
  // Microsoft.Communication
  communicationAndEmailServiceOwner: '09976791-48a7-449e-bb21-39d1a415f350'
}

@export()
@description('Cosmos DB data-plane (SQL) built-in role definition ids; assigned with sqlRoleAssignments, not Azure RBAC. https://learn.microsoft.com/azure/cosmos-db/nosql/security/reference-data-plane-roles')
var cosmosRoleIds = {
  builtInDataReader: '00000000-0000-0000-0000-000000000001'
  builtInDataContributor: '00000000-0000-0000-0000-000000000002'
}

@export()
@description('Azure Data Explorer database principal roles (not Azure RBAC). https://learn.microsoft.com/kusto/access-control/role-based-access-control')
var kustoDatabaseRoles = {
  viewer: 'Viewer'
  admin: 'Admin'
}
