// Development warehouse: an Azure SQL Database (serverless, auto-pausing) on a logical server with
// Microsoft Entra-only authentication, no SQL login or password anywhere. The deploying principal
// is the server's Entra admin; the azd postprovision hook (bicep/hooks/postprovision.sh) then, as
// that admin, loads the TPC-H sample with `pulse warehouse init --jdbc-url` and creates the function
// identity as a database user with db_datareader (a database user can only be created by a
// connection to the database, not by ARM). Production brings its own warehouse (warehouseJdbcUrl).
// Types: Microsoft.Sql servers/databases 2025-01-01; AVM avm/res/sql/server uses the same servers version.

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Logical server name (globally unique, lowercase).')
param serverName string

@description('Database name.')
param databaseName string = 'tpch'

@description('Object id of the Entra principal that administers the server (the deployer).')
param adminObjectId string

@description('Entra principal type of the admin: User, Group or Application (a service principal).')
@allowed([ 'User', 'Group', 'Application' ])
param adminPrincipalType string = 'User'

@description('Auto-pause after this many idle minutes (serverless; 60 is the smallest value).')
param autoPauseDelayMinutes int = 60

@description('Log Analytics workspace resource id for diagnostic settings.')
param logAnalyticsWorkspaceId string

resource server 'Microsoft.Sql/servers@2025-01-01' = {
  name: serverName
  location: location
  tags: tags
  properties: {
    minimalTlsVersion: '1.2'
    // Dev only: reachable from Azure services (the function app) and from the firewall rule the
    // postprovision hook adds for the deployer's address; every login still needs an Entra token.
    publicNetworkAccess: 'Enabled'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      principalType: adminPrincipalType
      login: 'pulse-warehouse-admin'
      sid: adminObjectId
      tenantId: tenant().tenantId
    }
  }
}

// 0.0.0.0 - 0.0.0.0 is ARM's "allow Azure services" rule: the Flex Consumption app has no fixed address.
resource allowAzureServices 'Microsoft.Sql/servers/firewallRules@2025-01-01' = {
  parent: server
  name: 'AllowAllWindowsAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource database 'Microsoft.Sql/servers/databases@2025-01-01' = {
  parent: server
  name: databaseName
  location: location
  tags: tags
  sku: { name: 'GP_S_Gen5', tier: 'GeneralPurpose', family: 'Gen5', capacity: 1 }
  properties: {
    autoPauseDelay: autoPauseDelayMinutes
    minCapacity: json('0.5')
    maxSizeBytes: 34359738368
    requestedBackupStorageRedundancy: 'Local'
    zoneRedundant: false
  }
}

resource databaseDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: database
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logAnalyticsDestinationType: 'Dedicated'
    logs: [ { categoryGroup: 'allLogs', enabled: true } ]
    metrics: [ { category: 'Basic', enabled: true } ]
  }
}

output serverName string = server.name
output databaseName string = database.name
@description('e.g. sql-pulse-xxxx + environment().suffixes.sqlServerHostname')
output serverFqdn string = server.properties.fullyQualifiedDomainName
@description('JDBC URL without credentials; the app and the CLI add an Entra access token.')
output jdbcUrl string = 'jdbc:sqlserver://${server.properties.fullyQualifiedDomainName}:1433;databaseName=${database.name};encrypt=true;trustServerCertificate=false;hostNameInCertificate=*${environment().suffixes.sqlServerHostname};loginTimeout=30'
