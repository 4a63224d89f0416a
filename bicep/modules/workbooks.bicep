// STUB on branch h5 (so main.bicep's wiring can be reviewed and tested); the real module with the
// customer-engineer workbooks is written on branch h6 and replaces this file at merge.

param location string
param tags object
param appInsightsId string
param logAnalyticsWorkspaceId string
param adxClusterUri string
param adxDatabaseName string
