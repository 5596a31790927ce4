#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster from Debian's server binaries, to run Coordinaat (or its tests) against
# an external database the way production does.
#
#   scripts/external-postgres.sh [COMMAND [ARG...]]
#
# Starts a fresh cluster in a new temporary folder on a free loopback port (55432 upwards), creates the
# database coordinaat_it owned by the password-authenticated role coordinaat (random password), then runs
# COMMAND with these variables set:
#   SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD   (for the application)
#   PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD                                  (for psql)
# and finally stops the cluster and deletes its folder, also when COMMAND fails or on Ctrl-C. The exit status
# is COMMAND's. Without COMMAND it opens a shell; leave it to stop the cluster. Example:
#   scripts/external-postgres.sh ./mvnw -B test -Dsurefire.groups=integration
#
# Sourced (as scripts/test.sh does), it only defines epg_start and epg_stop.
# The system cluster (/var/lib/postgresql, port 5432) is never touched. As root, the server runs as the
# postgres user (PostgreSQL refuses to run as root).
#
# Settings (environment): PG_BIN (default /usr/lib/postgresql/15/bin), EPG_FIRST_PORT (default 55432),
# EPG_TMP (parent of the cluster folder, default /tmp: it must be reachable for the postgres user).

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
EPG_FIRST_PORT=${EPG_FIRST_PORT:-55432}
EPG_TMP=${EPG_TMP:-/tmp}
EPG_DIR=${EPG_DIR:-}

epg_log() { printf '[external-postgres] %s\n' "$*" >&2; }

# Runs a server binary as the cluster owner, from inside the cluster folder (the owner may not be able to
# read the caller's working directory).
epg_as_owner() {
    if [[ $EUID -eq 0 ]]; then
        (cd "$EPG_DIR" && runuser -u postgres -- "$@")
    else
        (cd "$EPG_DIR" && "$@")
    fi
}

# True when nothing accepts connections on 127.0.0.1:$1.
epg_port_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Stops and removes clusters of earlier runs whose script was killed (SIGKILL leaves no chance to clean up).
# A cluster is only touched when the process that created it is gone, so parallel runs are safe.
epg_remove_orphans() {
    local dir owner
    for dir in "$EPG_TMP"/coordinaat-pg.*; do
        [[ -d $dir && -f $dir/owner.pid ]] || continue
        owner=$(<"$dir/owner.pid")
        if [[ $owner =~ ^[0-9]+$ ]] && kill -0 "$owner" 2>/dev/null; then
            continue
        fi
        epg_log "removing the cluster of an earlier, killed run: $dir"
        EPG_DIR=$dir epg_stop
    done
}

epg_start() {
    if [[ ! -x $PG_BIN/initdb || ! -x $PG_BIN/pg_ctl ]]; then
        epg_log "PostgreSQL 15 server binaries not found in $PG_BIN (Debian: apt-get install postgresql postgresql-contrib)."
        return 1
    fi
    if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
        epg_log "Running as root, but there is no 'postgres' user to run the server (it comes with Debian's postgresql package)."
        return 1
    fi
    epg_remove_orphans

    EPG_DIR=$(mktemp -d "$EPG_TMP/coordinaat-pg.XXXXXX") || return 1
    echo "${EPG_OWNER_PID:-$$}" >"$EPG_DIR/owner.pid"
    [[ $EUID -eq 0 ]] && chown postgres:postgres "$EPG_DIR"

    epg_as_owner "$PG_BIN/initdb" -D "$EPG_DIR/data" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 --no-sync >"$EPG_DIR/initdb.log" 2>&1 || {
        epg_log "initdb failed:"; cat "$EPG_DIR/initdb.log" >&2; return 1
    }
    # Administration only through the private socket folder; the application signs in with a password over TCP.
    epg_as_owner tee "$EPG_DIR/data/pg_hba.conf" >/dev/null <<'EOF'
local all all                trust
host  all all 127.0.0.1/32   scram-sha-256
EOF

    # Pick a free port; if another process grabs it between the probe and the start, try the next one.
    local port=$EPG_FIRST_PORT attempt
    for attempt in 1 2 3 4 5; do
        while ! epg_port_free "$port"; do port=$((port + 1)); done
        if epg_as_owner "$PG_BIN/pg_ctl" -D "$EPG_DIR/data" -l "$EPG_DIR/server.log" -w -t 60 \
            -o "-p $port -c listen_addresses=127.0.0.1 -k $EPG_DIR -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
            start >"$EPG_DIR/pg_ctl.log" 2>&1; then
            break
        fi
        if ((attempt == 5)); then
            epg_log "the server did not start:"; cat "$EPG_DIR/pg_ctl.log" "$EPG_DIR/server.log" >&2; return 1
        fi
        epg_log "port $port was taken after all; trying the next one"
        port=$((port + 1))
    done

    local password
    password=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')
    "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$EPG_DIR" -p "$port" -U postgres -d postgres -v pw="$password" <<'SQL' || return 1
CREATE ROLE coordinaat LOGIN PASSWORD :'pw';
CREATE DATABASE coordinaat_it OWNER coordinaat;
SQL
    # Prove the way the application will connect (TCP, password) before anyone depends on it.
    PGPASSWORD=$password "$PG_BIN/psql" -X -q -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U coordinaat \
        -d coordinaat_it -c 'SELECT 1' >/dev/null || { epg_log "password sign-in over TCP failed"; return 1; }

    export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$port/coordinaat_it"
    export SPRING_DATASOURCE_USERNAME=coordinaat
    export SPRING_DATASOURCE_PASSWORD=$password
    export PGHOST=127.0.0.1 PGPORT=$port PGDATABASE=coordinaat_it PGUSER=coordinaat PGPASSWORD=$password
    # shellcheck disable=SC2034 # for callers that source this file
    EPG_PORT=$port
    epg_log "PostgreSQL $("$PG_BIN/postgres" -V | awk '{print $3}') running on 127.0.0.1:$port, database coordinaat_it, data in $EPG_DIR/data"
}

epg_stop() {
    local dir=${EPG_DIR:-}
    [[ -n $dir && -d $dir ]] || return 0
    case $dir in */coordinaat-pg.*) ;; *) epg_log "refusing to remove unexpected folder $dir"; return 1 ;; esac
    if [[ -f $dir/data/postmaster.pid ]]; then
        if ! EPG_DIR=$dir epg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
            EPG_DIR=$dir epg_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w -t 15 stop >/dev/null 2>&1 || {
                local pid
                pid=$(head -n1 "$dir/data/postmaster.pid" 2>/dev/null)
                [[ $pid =~ ^[0-9]+$ ]] && kill -KILL "$pid" 2>/dev/null
            }
        fi
    fi
    rm -rf -- "$dir"
    [[ $dir == "${EPG_DIR:-}" ]] && EPG_DIR=
    epg_log "cluster stopped and removed"
    return 0
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    set -Eeuo pipefail
    trap epg_stop EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    epg_start
    if (($# == 0)); then
        epg_log "opening a shell with SPRING_DATASOURCE_* and PG* set; exit it to stop the cluster"
        set -- "${SHELL:-/bin/bash}"
    fi
    status=0
    "$@" || status=$?
    exit "$status"
fi
