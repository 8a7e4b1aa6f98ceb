#!/usr/bin/env bash
# Makes a PostgreSQL reachable on 127.0.0.1:5432 for the gateway's storage tests and prints the line
#   export LIEN_TEST_DATABASE_URL=postgres://lien_test:…@127.0.0.1:5432/lien_test
# (also written to the file named by $1, when given). Installs Debian's postgresql when it is missing and
# starts the cluster when it is down. Run as root (CI); a developer with their own server can instead set
# LIEN_TEST_DATABASE_URL by hand.
set -euo pipefail

out_file="${1:-}"
role="lien_test"
password="lien_test"
database="lien_test"
url="postgres://${role}:${password}@127.0.0.1:5432/${database}"

emit() {
  echo "export LIEN_TEST_DATABASE_URL=$1"
  if [ -n "$out_file" ]; then echo "export LIEN_TEST_DATABASE_URL=$1" >"$out_file"; fi
}

usable() { psql "$1" -Atqc 'select 1' >/dev/null 2>&1; }

# Already usable (a URL given by the caller, or the role from an earlier run): nothing to do.
if [ -n "${LIEN_TEST_DATABASE_URL:-}" ] && command -v psql >/dev/null && usable "$LIEN_TEST_DATABASE_URL"; then
  emit "$LIEN_TEST_DATABASE_URL"
  exit 0
fi
if command -v psql >/dev/null && usable "$url"; then
  emit "$url"
  exit 0
fi

if ! command -v pg_lsclusters >/dev/null; then
  echo "PostgreSQL is not installed: installing Debian's postgresql…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

# Start the first cluster that is down (Debian creates "15 main" on install).
if ! pg_lsclusters -h | awk '$4 == "online"' | grep -q .; then
  # `read` fails on empty input (no cluster at all): that case is handled just below.
  read -r version name _ < <(pg_lsclusters -h | head -n1) || true
  if [ -z "${version:-}" ]; then
    echo "No PostgreSQL cluster exists: creating one" >&2
    version="$(ls /usr/lib/postgresql | sort -V | tail -n1)"
    name="main"
    pg_createcluster "$version" "$name" >&2
  fi
  echo "Starting PostgreSQL cluster $version/$name…" >&2
  pg_ctlcluster "$version" "$name" start >&2 || service postgresql start >&2
fi

for _ in $(seq 1 30); do
  if su postgres -c "psql -Atqc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done

# Role and database for the tests (idempotent).
su postgres -c "psql -v ON_ERROR_STOP=1 -q" >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN
    CREATE ROLE ${role} LOGIN PASSWORD '${password}' CREATEDB;
  ELSE
    ALTER ROLE ${role} LOGIN PASSWORD '${password}' CREATEDB;
  END IF;
END \$\$;
SQL
if ! su postgres -c "psql -Atqc \"select 1 from pg_database where datname = '${database}'\"" | grep -q 1; then
  su postgres -c "createdb -O ${role} ${database}" >&2
fi

if ! usable "$url"; then
  echo "PostgreSQL was started but $url does not answer" >&2
  exit 1
fi
emit "$url"
