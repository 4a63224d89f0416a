#!/usr/bin/env bash
# One-time setup of GitHub → Azure OpenID Connect federation for Pulse (docs/DEPLOY.md, "From clone to a deployed dev environment").
# Creates, for one environment (dev or prod), an Entra app registration + service principal whose
# federated credential trusts only jobs of this repository running in that GitHub environment, and
# gives it the deployment roles of docs/SECURITY.md §1. With `whatif`, creates the read-only identity
# for pull-request what-if instead. No client secret is ever created.
#
# Usage: docs/setup-github-oidc.sh <owner/repo> <dev|prod|whatif> <subscription-id>
# Needs: az login as someone who can create app registrations and assign roles (Owner or
# User Access Administrator) on the subscription.
set -euo pipefail

repo="${1:?owner/repo}"
target="${2:?dev, prod or whatif}"
subscription="${3:?subscription id}"
scope="/subscriptions/${subscription}"

case "${target}" in
  dev | prod) subject="repo:${repo}:environment:${target}" ;;
  whatif) subject="repo:${repo}:pull_request" ;;
  *) echo "target must be dev, prod or whatif" >&2; exit 2 ;;
esac

name="pulse-github-${target}"
app_id="$(az ad app list --display-name "${name}" --query '[0].appId' -o tsv)"
if [[ -z "${app_id}" ]]; then
  app_id="$(az ad app create --display-name "${name}" --query appId -o tsv)"
fi
sp_id="$(az ad sp list --filter "appId eq '${app_id}'" --query '[0].id' -o tsv)"
if [[ -z "${sp_id}" ]]; then
  sp_id="$(az ad sp create --id "${app_id}" --query id -o tsv)"
fi

# Federated credential: GitHub's issuer, this exact subject, the token exchange audience.
az ad app federated-credential create --id "${app_id}" --parameters "$(cat <<JSON
{"name": "github-${target}", "issuer": "https://token.actions.githubusercontent.com",
 "subject": "${subject}", "audiences": ["api://AzureADTokenExchange"],
 "description": "GitHub Actions ${repo} (${subject})"}
JSON
)" > /dev/null || echo "federated credential github-${target} exists already"

if [[ "${target}" == "whatif" ]]; then
  # Reader + a custom role that can only validate and what-if deployments (no writes).
  az role definition create --role-definition "$(cat <<JSON
{"Name": "Pulse deployment what-if", "IsCustom": true,
 "Description": "Run ARM/Bicep validate and what-if; nothing else.",
 "Actions": ["Microsoft.Resources/deployments/validate/action",
             "Microsoft.Resources/deployments/whatIf/action"],
 "AssignableScopes": ["${scope}"]}
JSON
)" > /dev/null 2>&1 || echo "custom role exists already"
  az role assignment create --assignee-object-id "${sp_id}" --assignee-principal-type ServicePrincipal \
    --role Reader --scope "${scope}" > /dev/null
  az role assignment create --assignee-object-id "${sp_id}" --assignee-principal-type ServicePrincipal \
    --role "Pulse deployment what-if" --scope "${scope}" > /dev/null
else
  az role assignment create --assignee-object-id "${sp_id}" --assignee-principal-type ServicePrincipal \
    --role Contributor --scope "${scope}" > /dev/null
  # Role Based Access Control Administrator, constrained (ABAC condition) to the built-in roles
  # Pulse assigns: the ids of bicep/modules/roles.bicep. It cannot grant Owner or anything else.
  roles="b7e6dc6d-f1e8-4753-8033-0f276bb0955b, ba92f5b4-2d11-453d-a403-e96b0029c9fe, \
a638d3c7-ab3a-418d-83e6-5f17a39d4fde, 2b629674-e913-4c01-ae53-ef4638d8f975, \
4633458b-17de-408a-b874-0445c86b69e6, 3913510d-42f4-4e42-8a64-420c390055eb, \
43d0d8ad-25c7-4714-9337-8ba259a9fe05, 73c42c96-874c-492b-b04d-ab87d138a893, \
09976791-48a7-449e-bb21-39d1a415f350"
  condition="((!(ActionMatches{'Microsoft.Authorization/roleAssignments/write'})) OR \
(@Request[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${roles}})) AND \
((!(ActionMatches{'Microsoft.Authorization/roleAssignments/delete'})) OR \
(@Resource[Microsoft.Authorization/roleAssignments:RoleDefinitionId] ForAnyOfAnyValues:GuidEquals {${roles}}))"
  az role assignment create --assignee-object-id "${sp_id}" --assignee-principal-type ServicePrincipal \
    --role "Role Based Access Control Administrator" --scope "${scope}" \
    --condition "${condition}" --condition-version 2.0 > /dev/null
fi

echo "${name}: client id ${app_id} (set it as a GitHub variable, see docs/DEPLOY.md, step 7)"
