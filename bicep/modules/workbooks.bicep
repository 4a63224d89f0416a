// Pulse workbooks: the three Azure Workbooks of dashboards/, deployed as shared workbooks.
// The JSON files are the workbooks' own definitions (Notebook/1.0, as the portal's Advanced Editor
// shows them), checked by the test suite (WorkbookDefinitionsTest). Deployment-specific values are
// hidden workbook parameters whose default value is a token replaced here:
//   __PULSE_ADX_CLUSTER_URI__, __PULSE_ADX_DATABASE__, __PULSE_LOG_ANALYTICS_WORKSPACE_ID__.
// API: https://learn.microsoft.com/azure/templates/microsoft.insights/workbooks

@description('Location of the workbooks.')
param location string

@description('Tags for every resource.')
param tags object

@description('Resource id of Application Insights (the pipeline-health workbook is listed under it).')
param appInsightsId string

@description('Resource id of the Log Analytics workspace the pipeline-health and access-audit workbooks query.')
param logAnalyticsWorkspaceId string

@description('Azure Data Explorer cluster URI, e.g. https://pulseadx.westeurope.kusto.windows.net (customer-metrics workbook).')
param adxClusterUri string

@description('Azure Data Explorer database holding MetricPoints and TelemetryWindows.')
param adxDatabaseName string

var tokens = {
  adxCluster: '__PULSE_ADX_CLUSTER_URI__'
  adxDatabase: '__PULSE_ADX_DATABASE__'
  workspace: '__PULSE_LOG_ANALYTICS_WORKSPACE_ID__'
}

var workbooks = [
  {
    key: 'customer-metrics'
    displayName: 'Pulse — customer metrics'
    // Listed in the Azure Monitor workbook gallery, where customer engineers look.
    sourceId: 'azure monitor'
    serializedData: replace(replace(loadTextContent('../../dashboards/customer-metrics.workbook.json'), tokens.adxCluster, adxClusterUri), tokens.adxDatabase, adxDatabaseName)
  }
  {
    key: 'pipeline-health'
    displayName: 'Pulse — pipeline health'
    sourceId: appInsightsId
    serializedData: replace(loadTextContent('../../dashboards/pipeline-health.workbook.json'), tokens.workspace, logAnalyticsWorkspaceId)
  }
  {
    key: 'access-audit'
    displayName: 'Pulse — access audit'
    sourceId: logAnalyticsWorkspaceId
    serializedData: replace(loadTextContent('../../dashboards/access-audit.workbook.json'), tokens.workspace, logAnalyticsWorkspaceId)
  }
]

resource workbookResources 'Microsoft.Insights/workbooks@2023-06-01' = [for wb in workbooks: {
  // Workbook names must be GUIDs; deterministic so redeployments update in place.
  name: guid(resourceGroup().id, 'pulse-workbook', wb.key)
  location: location
  tags: union(tags, {
    'hidden-title': wb.displayName
  })
  kind: 'shared'
  properties: {
    displayName: wb.displayName
    category: 'workbook'
    version: 'Notebook/1.0'
    sourceId: wb.sourceId
    serializedData: wb.serializedData
  }
}]

@description('Deployed workbooks: [{key, id}] for customer-metrics, pipeline-health and access-audit.')
output workbookIds array = [for (wb, i) in workbooks: {
  key: wb.key
  id: workbookResources[i].id
}]
