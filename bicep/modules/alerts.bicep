// Pulse alerting: action groups (one per audience), metric alerts (platform baselines), scheduled
// query rules (Pulse's own signals) and an alert processing rule for planned maintenance.
// Every rule comes from ../../alerting/alerts.yaml (data, checked by the test suite); this module only
// maps the data onto resources.
// API references:
//   actionGroups       https://learn.microsoft.com/azure/templates/microsoft.insights/actiongroups
//   metricAlerts       https://learn.microsoft.com/azure/templates/microsoft.insights/metricalerts
//   scheduledQueryRules https://learn.microsoft.com/azure/templates/microsoft.insights/scheduledqueryrules
//   actionRules        https://learn.microsoft.com/azure/templates/microsoft.alertsmanagement/actionrules

@description('Location of the scheduled query rules (action groups, metric alerts and processing rules are global).')
param location string

@description('Tags for every resource.')
param tags object

@description('Resource id of the Log Analytics workspace (scope of the scheduled query rules; holds the App* tables of the workspace-based Application Insights).')
param logAnalyticsWorkspaceId string

@description('Resource id of Application Insights (linked in alert descriptions; its tables live in the workspace).')
param appInsightsId string

@description('Resource id of the Function App.')
param functionAppId string

@description('Resource id of the Event Hubs namespace.')
param eventHubNamespaceId string

@description('Resource id of the Cosmos DB account.')
param cosmosAccountId string

@description('Resource id of the Key Vault.')
param keyVaultId string

@description('Resource id of the Azure Data Explorer cluster.')
param adxClusterId string

@description('Resource id of the user-assigned managed identity the scheduled query rules run their queries as (needs Log Analytics Reader on the workspace).')
param alertIdentityId string

@description('On-call email addresses.')
param onCallEmails array

@description('On-call SMS receivers: [{countryCode: "1", phoneNumber: "5555550100"}].')
param onCallSmsNumbers array

@description('On-call webhook (e.g. paging service); empty for none. Secure: such URLs often embed a token.')
@secure()
param onCallWebhookUrl string

@description('Customer engineering email addresses.')
param customerEngineeringEmails array

@description('Base URL of docs/RUNBOOK.md as rendered (e.g. https://github.com/org/pulse/blob/main/docs/RUNBOOK.md); each rule links to #<rule-name>.')
param runbookBaseUrl string

@description('Optional planned maintenance window {effectiveFrom, effectiveUntil, timeZone} (ISO-8601 local times); when empty the suppression rule is deployed disabled.')
param maintenanceWindow object = {}

var alerting = loadYamlContent('../../alerting/alerts.yaml')

var targets = {
  functionApp: functionAppId
  eventHubNamespace: eventHubNamespaceId
  cosmosAccount: cosmosAccountId
  keyVault: keyVaultId
  adxCluster: adxClusterId
}

var onCallEmailReceivers = [for (email, i) in onCallEmails: {
  name: 'oncall-email-${i}'
  emailAddress: email
  useCommonAlertSchema: true
}]

var onCallSmsReceivers = [for (sms, i) in onCallSmsNumbers: {
  name: 'oncall-sms-${i}'
  countryCode: sms.countryCode
  phoneNumber: sms.phoneNumber
}]

var onCallWebhookReceivers = empty(onCallWebhookUrl) ? [] : [
  {
    name: 'oncall-webhook'
    serviceUri: onCallWebhookUrl
    useCommonAlertSchema: true
  }
]

var customerEngineeringEmailReceivers = [for (email, i) in customerEngineeringEmails: {
  name: 'custeng-email-${i}'
  emailAddress: email
  useCommonAlertSchema: true
}]

var receiversByGroup = {
  onCall: {
    emailReceivers: onCallEmailReceivers
    smsReceivers: onCallSmsReceivers
    webhookReceivers: onCallWebhookReceivers
  }
  customerEngineering: {
    emailReceivers: customerEngineeringEmailReceivers
    smsReceivers: []
    webhookReceivers: []
  }
}

resource actionGroups 'Microsoft.Insights/actionGroups@2023-01-01' = [for group in alerting.actionGroups: {
  name: group.name
  location: 'global'
  tags: tags
  properties: {
    groupShortName: group.shortName
    enabled: true
    emailReceivers: receiversByGroup[group.key].emailReceivers
    smsReceivers: receiversByGroup[group.key].smsReceivers
    webhookReceivers: receiversByGroup[group.key].webhookReceivers
  }
}]

// Action group resource ids by key, for the rules' `actionGroups: [key, ...]`.
var actionGroupIds = toObject(alerting.actionGroups, g => g.key, g => resourceId('Microsoft.Insights/actionGroups', g.name))

resource metricAlerts 'Microsoft.Insights/metricAlerts@2026-01-01' = [for rule in alerting.metricAlerts: {
  name: rule.name
  location: 'global'
  tags: tags
  properties: {
    description: '${rule.description} Runbook: ${runbookBaseUrl}#${rule.name}'
    severity: rule.severity
    enabled: true
    scopes: [targets[rule.target]]
    evaluationFrequency: rule.evaluationFrequency
    windowSize: rule.windowSize
    autoMitigate: rule.autoMitigate
    targetResourceType: rule.metricNamespace
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: rule.metricName
          metricNamespace: rule.metricNamespace
          metricName: rule.metricName
          timeAggregation: rule.timeAggregation
          operator: rule.operator
          threshold: rule.threshold
          // Filters keep only the listed values; split dimensions fire one alert per value.
          dimensions: concat(
            map(rule.?filters ?? [], f => { name: f.name, operator: 'Include', values: f.values }),
            map(rule.?dimensions ?? [], d => { name: d, operator: 'Include', values: ['*'] })
          )
          // A metric with no data yet (new resource, no 5xx so far) must not fail the deployment.
          skipMetricValidation: true
        }
      ]
    }
    actions: map(rule.actionGroups, key => {
      actionGroupId: actionGroupIds[key]
      webHookProperties: {
        runbook: '${runbookBaseUrl}#${rule.name}'
      }
    })
  }
  dependsOn: [actionGroups]
}]

resource logAlerts 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [for rule in alerting.logAlerts: {
  name: rule.name
  location: location
  tags: tags
  kind: 'LogAlert'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${alertIdentityId}': {}
    }
  }
  properties: {
    displayName: rule.name
    description: '${rule.description} Runbook: ${runbookBaseUrl}#${rule.name} (Application Insights: ${appInsightsId})'
    severity: rule.severity
    enabled: true
    scopes: [logAnalyticsWorkspaceId]
    evaluationFrequency: rule.evaluationFrequency
    windowSize: rule.windowSize
    autoMitigate: rule.autoMitigate
    criteria: {
      allOf: [
        {
          query: rule.query
          timeAggregation: rule.timeAggregation
          metricMeasureColumn: rule.?metricMeasureColumn
          operator: rule.operator
          threshold: rule.threshold
          dimensions: map(rule.?dimensions ?? [], d => { name: d, operator: 'Include', values: ['*'] })
          failingPeriods: rule.?failingPeriods ?? {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: map(rule.actionGroups, key => actionGroupIds[key])
      customProperties: {
        runbook: '${runbookBaseUrl}#${rule.name}'
      }
    }
  }
  dependsOn: [actionGroups]
}]

// Planned maintenance: removes all action groups from every alert in this resource group while the
// window is open. Deployed disabled unless a window is given.
resource maintenance 'Microsoft.AlertsManagement/actionRules@2021-08-08' = {
  name: alerting.maintenance.name
  location: 'global'
  tags: tags
  properties: {
    description: alerting.maintenance.description
    enabled: !empty(maintenanceWindow)
    scopes: [resourceGroup().id]
    actions: [
      {
        actionType: 'RemoveAllActionGroups'
      }
    ]
    schedule: empty(maintenanceWindow) ? null : {
      effectiveFrom: maintenanceWindow.effectiveFrom
      effectiveUntil: maintenanceWindow.effectiveUntil
      timeZone: maintenanceWindow.?timeZone ?? 'UTC'
    }
  }
}

@description('Action group resource ids by audience key (onCall, customerEngineering).')
output actionGroupIds object = actionGroupIds

@description('Names of all alert rules deployed.')
output ruleNames array = concat(map(alerting.metricAlerts, r => r.name), map(alerting.logAlerts, r => r.name))
