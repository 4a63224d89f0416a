// Log Analytics workspace + workspace-based Application Insights with local (instrumentation key)
// auth off: the function app ingests with its managed identity (Monitoring Metrics Publisher) and
// APPLICATIONINSIGHTS_AUTHENTICATION_STRING. https://learn.microsoft.com/azure/azure-monitor/app/azure-ad-authentication
import { roleIds } from 'roles.bicep'

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags object

@description('Log Analytics workspace name.')
param workspaceName string

@description('Application Insights component name.')
param appInsightsName string

@description('Workspace retention, days (30..730).')
@minValue(30)
@maxValue(730)
param retentionDays int = 30

@description('Principal id of the function app identity (publishes telemetry).')
param functionPrincipalId string

@description('Principal id of the alert rules identity (reads logs for scheduled query rules).')
param alertPrincipalId string

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionDays
    features: { disableLocalAuth: true }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
    DisableLocalAuth: true
  }
}

// The workspace audits its own queries (LAQueryLogs), so auditors see who read what.
resource workspaceDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: workspace
  properties: {
    workspaceId: workspace.id
    logs: [ { categoryGroup: 'audit', enabled: true } ]
    metrics: [ { category: 'AllMetrics', enabled: true } ]
  }
}

// why: the function app sends OpenTelemetry traces/metrics/logs with Entra ID auth (local auth is off).
resource functionPublishesTelemetry 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, functionPrincipalId, roleIds.monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.monitoringMetricsPublisher)
    principalId: functionPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// why: scheduled query rules run KQL over the workspace with the alert identity; read-only.
resource alertReadsWorkspace 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(workspace.id, alertPrincipalId, roleIds.logAnalyticsReader)
  scope: workspace
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.logAnalyticsReader)
    principalId: alertPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// why: rules scoped to the App Insights component (requests, dependencies) need read on it; read-only.
resource alertReadsAppInsights 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, alertPrincipalId, roleIds.monitoringReader)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleIds.monitoringReader)
    principalId: alertPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output workspaceId string = workspace.id
output appInsightsId string = appInsights.id
output appInsightsName string = appInsights.name
@description('Not a secret: identifies the ingestion endpoint; ingestion itself requires an Entra token.')
output appInsightsConnectionString string = appInsights.properties.ConnectionString
