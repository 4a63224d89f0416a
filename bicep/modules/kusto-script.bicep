// One Kusto database script (a .kql file of bicep/adx/), run by modules/kusto.bicep in order.
// Why a module: properties.scriptContent of Microsoft.Kusto/clusters/databases/scripts is a sensitive,
// write-only property (bicep-types-az: "sensitive": true in every API version from 2023-05-02 on),
// so the linter rule use-secure-value-for-secure-inputs (level error in bicepconfig.json) rejects a
// plain value such as loadTextContent(...). Its documented remedy is a secure value: the script
// arrives through the @secure() parameter below, which also keeps the script text out of the
// deployment history (the .kql file in the repository is the readable copy).

@description('Kusto cluster name (same resource group).')
param clusterName string

@description('Database the script runs in.')
param databaseName string

@description('Script resource name, e.g. pulse-01-tables.')
param scriptName string

@secure()
@description('The KQL management commands (loadTextContent of a bicep/adx/*.kql file).')
param scriptContent string

resource cluster 'Microsoft.Kusto/clusters@2025-02-14' existing = {
  name: clusterName
}

resource database 'Microsoft.Kusto/clusters/databases@2025-02-14' existing = {
  parent: cluster
  name: databaseName
}

// forceUpdateTag follows the content, so an edited file re-runs and an unchanged one does not.
// The commands are idempotent (.create-merge / .create-or-alter).
resource script 'Microsoft.Kusto/clusters/databases/scripts@2025-02-14' = {
  parent: database
  name: scriptName
  properties: {
    scriptContent: scriptContent
    forceUpdateTag: uniqueString(scriptContent)
    continueOnErrors: false
  }
}
