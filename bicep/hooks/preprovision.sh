#!/bin/sh
# azd preprovision hook (azure.yaml). Stops with the fix when this environment's Key Vault name is
# held by a soft-deleted vault, the one known cause of a failed re-provisioning after `azd down`
# without --purge: ARM would otherwise fail half-way with "VaultAlreadyExists"/"ConflictError".
# KEY_VAULT_NAME is the output of the environment's previous provisioning (.azure/<env>/.env).
set -eu

name="${KEY_VAULT_NAME:-}"
if [ -z "${name}" ]; then
  exit 0 # first provisioning of this environment
fi
if ! command -v az > /dev/null 2>&1; then
  echo "pulse preprovision: Azure CLI (az) not found; cannot check Key Vault ${name} (docs/DEPLOY.md, prerequisites)" >&2
  exit 0
fi
if az keyvault show --name "${name}" --only-show-errors > /dev/null 2>&1; then
  exit 0 # the vault is live: a normal re-provisioning
fi
protected="$(az keyvault list-deleted --only-show-errors \
  --query "[?name=='${name}'] | [0].properties.purgeProtectionEnabled" --output tsv 2> /dev/null || true)"
if [ -z "${protected}" ]; then
  exit 0 # no vault of that name, live or deleted
fi
cat >&2 <<MSG
pulse preprovision: Key Vault '${name}' of this environment is soft-deleted (azd down without --purge),
and its name stays reserved until it is purged. Choose one, then run azd up again:
  az keyvault recover --name ${name}            # bring it back, secrets included
MSG
if [ "${protected}" = "true" ]; then
  echo "  (purge protection is on: it cannot be purged before its retention period ends)" >&2
else
  echo "  az keyvault purge --name ${name}              # delete it for good" >&2
fi
echo "  azd env set PULSE_KEY_VAULT_NAME_SEED 2       # deploy a vault with a new name instead" >&2
exit 1
