#!/bin/sh
# azd postprovision hook (azure.yaml): makes the dev warehouse usable by the function app.
#   1. opens the SQL server's firewall to this machine's public address (rule azd-deployer);
#   2. loads TPC-H into it with `pulse warehouse init --jdbc-url` (skipped if already loaded);
#   3. creates the function identity as a database user with db_datareader.
# Runs as the signed-in Azure CLI user, who must be the principal azd deployed as (the SQL server's
# Entra admin): `azd config set auth.useAzCliAuth true` makes azd use the az login (docs/DEPLOY.md).
# Inputs are azd outputs of bicep/main.bicep; a deployment without a dev warehouse skips all of it.
set -eu
cd "$(dirname "$0")/../.." # the repository root: ./mvnw, whatever directory azd runs hooks from

if [ -z "${WAREHOUSE_SQL_SERVER:-}" ]; then
  if [ -z "${WAREHOUSE_JDBC_URL:-}" ]; then
    echo "pulse postprovision: no warehouse configured. WarehouseMetrics will report it on each run until" \
      "you set one: azd env set AZURE_PRINCIPAL_ID <object id> (dev warehouse) or set warehouseJdbcUrl" \
      "(docs/DEPLOY.md, 'The warehouse')." >&2
  fi
  exit 0
fi
for tool in az curl; do
  if ! command -v "${tool}" > /dev/null 2>&1; then
    echo "pulse postprovision: '${tool}' is required to prepare the dev warehouse (docs/DEPLOY.md, prerequisites)" >&2
    exit 1
  fi
done

address="$(curl --fail --silent --show-error --max-time 20 https://api.ipify.org)"
echo "pulse postprovision: allowing ${address} through the firewall of ${WAREHOUSE_SQL_SERVER}"
az sql server firewall-rule create --only-show-errors --output none \
  --resource-group "${AZURE_RESOURCE_GROUP}" --server "${WAREHOUSE_SQL_SERVER}" \
  --name azd-deployer --start-ip-address "${address}" --end-ip-address "${address}"

# The serverless database may be paused: the first login resumes it (up to a minute), so retry.
attempt=1
until ./mvnw -B -q test-compile exec:java -Dexec.args="warehouse init \
    --jdbc-url ${WAREHOUSE_JDBC_URL} --scale-factor ${PULSE_WAREHOUSE_SCALE_FACTOR:-0.01} \
    --reader-name ${AZURE_FUNCTION_IDENTITY_NAME} --reader-client-id ${AZURE_CLIENT_ID}"; do
  if [ "${attempt}" -ge 3 ]; then
    echo "pulse postprovision: warehouse init failed 3 times; see docs/DEPLOY.md, 'First-deploy failures'" >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  echo "pulse postprovision: retrying in 30 s (attempt ${attempt} of 3; a paused database takes up to a minute to resume)"
  sleep 30
done
