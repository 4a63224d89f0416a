// STUB on branch h5 (so main.bicep's wiring can be reviewed and tested); the real module with alert
// rules and action groups is written on branch h6 and replaces this file at merge.

param location string
param tags object
param logAnalyticsWorkspaceId string
param appInsightsId string
param functionAppId string
param eventHubNamespaceId string
param cosmosAccountId string
param keyVaultId string
param adxClusterId string
@description('User-assigned identity resource id used by scheduled query rules.')
param alertIdentityId string
param onCallEmails array
@description('Array of { countryCode, phoneNumber }.')
param onCallSmsNumbers array
@secure()
param onCallWebhookUrl string
param customerEngineeringEmails array
param runbookBaseUrl string
