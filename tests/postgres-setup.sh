#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on 127.0.0.1 for the result-store tests and exports BOSPOROS_TEST_POSTGRES.
#
#   source tests/postgres-setup.sh          # start; prints the address
#   dotnet test tests/Bosporos.Analysis.Tests/Bosporos.Analysis.Tests.csproj
#   bosporos_postgres_stop                  # stop and delete the cluster (also: tests/postgres-setup.sh stop)
#
# Uses the newest /usr/lib/postgresql/*/bin (or PG_BIN). As root, the server runs as the "postgres" user
# (initdb refuses to run as root). Trust authentication on loopback only; the data directory lives under /tmp.

bosporos_postgres_stop() {
    if [ -n "${BOSPOROS_PG_DIR:-}" ] && [ -d "$BOSPOROS_PG_DIR" ]; then
        bosporos_pg_as "$BOSPOROS_PG_BIN/pg_ctl" -D "$BOSPOROS_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
        rm -rf "$BOSPOROS_PG_DIR"
    fi
    unset BOSPOROS_TEST_POSTGRES BOSPOROS_PG_DIR
}

bosporos_pg_as() {
    if [ "$(id -u)" = "0" ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

bosporos_postgres_start() {
    local bin="${PG_BIN:-}"
    if [ -z "$bin" ]; then
        bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    fi
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        echo "postgres-setup: no PostgreSQL server binaries found (apt-get install postgresql, or set PG_BIN)" >&2
        return 1
    fi
    BOSPOROS_PG_BIN="$bin"
    BOSPOROS_PG_DIR="$(mktemp -d /tmp/bosporos-pg.XXXXXX)"
    chmod 755 "$BOSPOROS_PG_DIR"
    if [ "$(id -u)" = "0" ]; then
        chown postgres "$BOSPOROS_PG_DIR"
    fi
    # A free TCP port: ask the kernel for one.
    local port
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
    bosporos_pg_as "$bin/initdb" -D "$BOSPOROS_PG_DIR/data" -U bosporos --auth=trust -E UTF8 --locale=C.UTF-8 >"$BOSPOROS_PG_DIR/initdb.log" 2>&1 \
        || { cat "$BOSPOROS_PG_DIR/initdb.log" >&2; return 1; }
    bosporos_pg_as "$bin/pg_ctl" -D "$BOSPOROS_PG_DIR/data" -l "$BOSPOROS_PG_DIR/server.log" -w -t 30 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $BOSPOROS_PG_DIR -c fsync=off -c full_page_writes=off" start >/dev/null \
        || { cat "$BOSPOROS_PG_DIR/server.log" >&2; return 1; }
    bosporos_pg_as "$bin/createdb" -h 127.0.0.1 -p "$port" -U bosporos bosporos_test
    export BOSPOROS_PG_DIR BOSPOROS_PG_BIN
    export BOSPOROS_TEST_POSTGRES="postgres://bosporos:unused@127.0.0.1:$port/bosporos_test"
    echo "postgres-setup: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $BOSPOROS_PG_DIR)" >&2
    echo "BOSPOROS_TEST_POSTGRES=$BOSPOROS_TEST_POSTGRES"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    # Executed rather than sourced: "stop" cleans up a cluster whose directory is given in BOSPOROS_PG_DIR,
    # anything else starts one and prints the variable to export.
    set -euo pipefail
    if [ "${1:-}" = "stop" ]; then
        BOSPOROS_PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)}"
        bosporos_postgres_stop
    else
        bosporos_postgres_start
    fi
else
    bosporos_postgres_start
fi
