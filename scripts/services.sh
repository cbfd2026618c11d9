#!/usr/bin/env bash
# Local development services for munasara: PostgreSQL + OpenSearch, loopback only.
#
#   eval "$(scripts/services.sh)"      # install if missing, start, print env exports
#   scripts/services.sh stop           # stop both services
#
# Only the `export NAME=value` lines go to stdout; every log/progress line goes to
# stderr, so the output can be eval'ed. Idempotent: a second run only checks that
# both services answer (a few seconds). Must run as root (apt, users, pg_ctlcluster).
#
# Environment knobs (all optional):
#   MUNASARA_SERVICES_DIR   where OpenSearch is assembled (default /var/lib/munasara-services);
#                           must be traversable by the unprivileged `opensearch` user
#   OPENSEARCH_JAVA_OPTS    JVM options for OpenSearch (default "-Xms512m -Xmx1g")
#   OPENSEARCH_JAVA_HOME    JDK to run OpenSearch with (default: the JDK of `java` on PATH)
#   OPENSEARCH_START_TIMEOUT  seconds to wait for OpenSearch to answer (default 120)
set -euo pipefail

# Keep the real stdout on fd 3 for the final exports; everything else goes to stderr.
exec 3>&1 1>&2

# ---------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------
PG_DB=munasara
PG_PORT=5432
DATABASE_URL="postgres://postgres@127.0.0.1:${PG_PORT}/${PG_DB}"

OS_VERSION=2.19.6
OS_PORT=9200
OS_URL="http://127.0.0.1:${OS_PORT}"
OS_USER=opensearch
SERVICES_DIR="${MUNASARA_SERVICES_DIR:-/var/lib/munasara-services}"
OS_HOME="${SERVICES_DIR}/opensearch-${OS_VERSION}"
OS_MARKER="${OS_HOME}/.munasara-assembled"   # written last, so a half-built dir is redone
OS_PIDFILE="${OS_HOME}/opensearch.pid"
OS_CONSOLE_LOG="${OS_HOME}/logs/console.log"
OS_START_TIMEOUT="${OPENSEARCH_START_TIMEOUT:-120}"
# Pinned so the download does not depend on Maven's default plugin version.
MVN_DEP_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.6.1
# The plugin class inside org.opensearch.plugin:analysis-common (checked during assembly).
ANALYSIS_COMMON_CLASS=org.opensearch.analysis.common.CommonAnalysisPlugin

log() { printf '[services] %s\n' "$*" >&2; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "must run as root (installs packages, creates users, starts clusters)"

# Run apt-get non-interactively; LANG=C.UTF-8 so a freshly created PG cluster is UTF8.
APT_UPDATED=0
apt_install() {
    if [ "$APT_UPDATED" -eq 0 ]; then
        log "apt-get update"
        DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
        APT_UPDATED=1
    fi
    log "apt-get install $*"
    LANG=C.UTF-8 LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "$@" >&2
}

# Install the small tools this script relies on, only if missing.
ensure_tools() {
    local missing=()
    command -v curl  >/dev/null 2>&1 || missing+=(curl ca-certificates)
    command -v unzip >/dev/null 2>&1 || missing+=(unzip)
    [ "${#missing[@]}" -eq 0 ] || apt_install "${missing[@]}"
}

# ---------------------------------------------------------------------------
# PostgreSQL (Debian package, cluster managed with pg_ctlcluster)
# ---------------------------------------------------------------------------
pg_version() {
    # Newest configured cluster version, e.g. 15 (not hard-coded).
    ls -1 /etc/postgresql 2>/dev/null | sort -V | tail -n1
}

pg_is_running() { pg_ctlcluster "$1" main status >/dev/null 2>&1; }

# Run a pg_ctlcluster action with fd 3 closed and output captured, so the postmaster
# never inherits our stdout/stderr pipes (that would make `eval "$(...)"` hang).
pg_ctl_action() {
    local ver=$1 action=$2 out
    out=$(mktemp)
    if ! pg_ctlcluster "$ver" main "$action" </dev/null >"$out" 2>&1 3>&-; then
        cat "$out" >&2; rm -f "$out"
        tail -n 30 "/var/log/postgresql/postgresql-${ver}-main.log" >&2 2>/dev/null || true
        die "pg_ctlcluster $ver main $action failed"
    fi
    rm -f "$out"
}

start_postgres() {
    if [ "$(dpkg-query -W -f='${Status}' postgresql 2>/dev/null || true)" != "install ok installed" ]; then
        apt_install postgresql
    fi

    local ver
    ver=$(pg_version)
    if [ -z "$ver" ] || [ ! -d "/etc/postgresql/$ver/main" ]; then
        # Package installed but no cluster (e.g. create_main_cluster=false): create one.
        ver=${ver:-$(ls -1 /usr/lib/postgresql | sort -V | tail -n1)}
        [ -n "$ver" ] || die "postgresql installed but no server version found under /usr/lib/postgresql"
        log "creating PostgreSQL $ver cluster 'main'"
        LANG=C.UTF-8 LC_ALL=C.UTF-8 pg_createcluster --locale C.UTF-8 "$ver" main >&2
    fi
    local conf_dir="/etc/postgresql/$ver/main"
    local hba="$conf_dir/pg_hba.conf"
    local need_reload=0 need_restart=0

    # The cluster must be the one on 5432 (we do not move ports behind the user's back).
    local port
    port=$(sed -n "s/^[[:space:]]*port[[:space:]]*=[[:space:]]*\([0-9]*\).*/\1/p" "$conf_dir/postgresql.conf" | tail -n1)
    [ "${port:-5432}" = "$PG_PORT" ] || die "PostgreSQL $ver/main is configured for port $port, expected $PG_PORT"

    # Passwordless TCP access from loopback only (dev box). pg_hba is first-match,
    # so the block goes at the top; the marker makes this idempotent.
    local mark="# munasara-services: trust loopback TCP (local dev only)"
    if ! grep -qF "$mark" "$hba"; then
        log "pg_hba.conf: trusting 127.0.0.1/32 and ::1/128"
        local tmp="$hba.munasara.tmp"
        {
            echo "$mark"
            echo "host    all             all             127.0.0.1/32            trust"
            echo "host    all             all             ::1/128                 trust"
            echo "# end munasara-services"
            cat "$hba"
        } >"$tmp"
        chown --reference="$hba" "$tmp"
        chmod --reference="$hba" "$tmp"
        mv "$tmp" "$hba"
        need_reload=1
    fi

    # Listen on loopback only. Debian's postgresql.conf includes conf.d/*.conf (last wins).
    local dropin="$conf_dir/conf.d/munasara-services.conf"
    local want="listen_addresses = 'localhost'   # written by munasara scripts/services.sh"
    if [ ! -f "$dropin" ] || [ "$(cat "$dropin")" != "$want" ]; then
        mkdir -p "$conf_dir/conf.d"
        echo "$want" >"$dropin"
        chown postgres:postgres "$dropin"
        need_restart=1   # listen_addresses only changes on restart
    fi

    if pg_is_running "$ver"; then
        if [ "$need_restart" -eq 1 ]; then
            log "restarting PostgreSQL $ver/main (listen_addresses changed)"
            pg_ctl_action "$ver" restart
        elif [ "$need_reload" -eq 1 ]; then
            log "reloading PostgreSQL $ver/main (pg_hba.conf changed)"
            pg_ctl_action "$ver" reload
        else
            log "PostgreSQL $ver/main already running"
        fi
    else
        log "starting PostgreSQL $ver/main"
        pg_ctl_action "$ver" start
    fi

    # Wait until it accepts TCP connections.
    local i
    for i in $(seq 1 30); do
        pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
        [ "$i" -eq 30 ] && die "PostgreSQL does not accept connections on 127.0.0.1:$PG_PORT"
        sleep 1
    done

    # From here on everything goes over TCP, which also proves the trust rule works.
    local admin_url="postgres://postgres@127.0.0.1:${PG_PORT}/postgres"
    local exists
    exists=$(psql "$admin_url" -XtAc "SELECT 1 FROM pg_database WHERE datname = '${PG_DB}'") \
        || die "cannot connect to $admin_url without a password (check $hba)"
    if [ "$exists" != "1" ]; then
        log "creating database $PG_DB"
        # template0 + explicit UTF8 so Arabic text is stored correctly whatever the cluster default.
        psql "$admin_url" -Xq -v ON_ERROR_STOP=1 -c \
            "CREATE DATABASE ${PG_DB} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0" >&2
    fi
    # pytest-django creates test_<db>, so the role must be able to create databases.
    local can_create
    can_create=$(psql "$DATABASE_URL" -XtAc "SELECT rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = current_user")
    [ "$can_create" = "t" ] || die "role postgres cannot create databases"
    log "PostgreSQL OK: $DATABASE_URL ($(psql "$DATABASE_URL" -XtAc 'SHOW server_version'))"
}

stop_postgres() {
    local ver
    ver=$(pg_version)
    if [ -n "$ver" ] && command -v pg_ctlcluster >/dev/null 2>&1 && pg_is_running "$ver"; then
        log "stopping PostgreSQL $ver/main"
        pg_ctl_action "$ver" stop
    else
        log "PostgreSQL not running"
    fi
}

# ---------------------------------------------------------------------------
# OpenSearch (integ-test-zip from Maven Central + analysis-common module)
# ---------------------------------------------------------------------------
os_answers() { curl -fsS --max-time 3 "$OS_URL/_cluster/health" >/dev/null 2>&1; }

os_pid() {
    # PID of our node if the pidfile points at a live process, else nothing.
    local pid
    [ -f "$OS_PIDFILE" ] || return 1
    pid=$(cat "$OS_PIDFILE" 2>/dev/null) || return 1
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 1
    # Guard against a stale pidfile whose PID now belongs to another process.
    local cmdline
    cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
    grep -qF 'org.opensearch.bootstrap.OpenSearch' <<<"$cmdline" || return 1
    echo "$pid"
}

java_home_for_opensearch() {
    if [ -n "${OPENSEARCH_JAVA_HOME:-}" ]; then echo "$OPENSEARCH_JAVA_HOME"; return; fi
    local java_bin
    java_bin=$(command -v java) || die "java not found on PATH (need JDK 11/17/21)"
    java_bin=$(readlink -f "$java_bin")
    echo "${java_bin%/bin/java}"
}

ensure_os_user() {
    if ! id -u "$OS_USER" >/dev/null 2>&1; then
        log "creating system user $OS_USER (OpenSearch refuses to run as root)"
        useradd --system --user-group --no-create-home --home-dir "$OS_HOME" \
            --shell /usr/sbin/nologin "$OS_USER"
    fi
}

assemble_opensearch() {
    [ -f "$OS_MARKER" ] && return 0
    command -v mvn >/dev/null 2>&1 || die "mvn not found (needed to fetch OpenSearch from Maven Central)"
    log "assembling OpenSearch $OS_VERSION in $OS_HOME (one-off, downloads ~60 MB via Maven)"
    mkdir -p "$SERVICES_DIR"
    chmod 755 "$SERVICES_DIR"
    rm -rf "$OS_HOME" "$SERVICES_DIR"/.assemble.*   # leftovers of an interrupted assembly
    local work
    work=$(mktemp -d "$SERVICES_DIR/.assemble.XXXXXX")
    # Run mvn from an empty dir so a pom.xml in the caller's cwd cannot interfere;
    # its (noisy) output is only shown if it fails. Explicit && because `set -e` is
    # suspended inside a subshell that is the left side of `||`.
    (
        cd "$work" &&
        mvn -B -q "$MVN_DEP_PLUGIN:copy" \
            -Dartifact="org.opensearch.distribution.integ-test-zip:opensearch:${OS_VERSION}:zip" \
            -DoutputDirectory="$work" &&
        mvn -B -q "$MVN_DEP_PLUGIN:copy" \
            -Dartifact="org.opensearch.plugin:analysis-common:${OS_VERSION}:jar" \
            -DoutputDirectory="$work"
    ) >"$work/mvn.log" 2>&1 3>&- || { cat "$work/mvn.log" >&2; rm -rf "$work"; die "Maven download failed"; }

    unzip -q "$work/opensearch-${OS_VERSION}.zip" -d "$work/x"
    local home="$work/x/opensearch-${OS_VERSION}"
    [ -x "$home/bin/opensearch" ] || { rm -rf "$work"; die "unexpected layout in opensearch-${OS_VERSION}.zip"; }

    # The integ-test-zip ships only transport-netty4. analysis-common provides the
    # arabic analyzer, arabic_normalization, stemmer, edge_ngram/ngram, asciifolding...
    local jar="$work/analysis-common-${OS_VERSION}.jar"
    local class_path="${ANALYSIS_COMMON_CLASS//.//}.class" listing
    listing=$(unzip -l "$jar")   # not piped into grep -q: SIGPIPE + pipefail = false failure
    grep -qF "$class_path" <<<"$listing" || { rm -rf "$work"; die "$ANALYSIS_COMMON_CLASS not found in $jar"; }
    local mod="$home/modules/analysis-common"
    mkdir -p "$mod"
    cp "$jar" "$mod/"
    # Same fields as the official module descriptor, minus extended.plugins=lang-painless:
    # painless is absent here, and the jar's only painless class (AnalysisPainlessExtension)
    # is loaded solely via painless' ServiceLoader, so it is never touched.
    # java.version=11 matches the jar's compile target (any JDK >= 11 runs it).
    cat >"$mod/plugin-descriptor.properties" <<EOF
description=Adds "built in" analyzers to OpenSearch.
version=${OS_VERSION}
name=analysis-common
classname=${ANALYSIS_COMMON_CLASS}
java.version=11
opensearch.version=${OS_VERSION}
custom.foldername=
extended.plugins=
has.native.controller=false
EOF
    touch "$home/$(basename "$OS_MARKER")"
    ensure_os_user
    chown -R "$OS_USER:$OS_USER" "$home"
    mv "$home" "$OS_HOME"
    rm -rf "$work"
    log "assembled $OS_HOME"
}

start_opensearch() {
    if os_answers; then
        log "OpenSearch already answering on $OS_URL"
        return 0
    fi
    assemble_opensearch
    ensure_os_user
    # The node runs as $OS_USER, so it must be able to reach and write its home.
    chown -R "$OS_USER:$OS_USER" "$OS_HOME"
    runuser -u "$OS_USER" -- test -w "$OS_HOME" \
        || die "user $OS_USER cannot write $OS_HOME (is a parent of MUNASARA_SERVICES_DIR mode 700?)"

    local launcher_pid=""
    if os_pid >/dev/null; then
        log "OpenSearch process $(os_pid) is starting, waiting for it"
    else
        local java_home
        java_home=$(java_home_for_opensearch)
        log "starting OpenSearch $OS_VERSION (java: $java_home) log: $OS_HOME/logs"
        # Not `bin/opensearch -d`: that path needs procps' `ps`. setsid + redirects detach
        # the node from this shell and from our stdout pipe (fd 3 closed).
        # disk.threshold_enabled=false: a fairly full disk must not flip indices read-only.
        (
            cd "$OS_HOME"
            exec setsid runuser -u "$OS_USER" -- env \
                OPENSEARCH_JAVA_HOME="$java_home" \
                OPENSEARCH_JAVA_OPTS="${OPENSEARCH_JAVA_OPTS:--Xms512m -Xmx1g}" \
                "$OS_HOME/bin/opensearch" -p "$OS_PIDFILE" \
                -Ecluster.name=munasara-dev \
                -Enode.name=munasara-dev \
                -Ediscovery.type=single-node \
                -Enetwork.host=127.0.0.1 \
                -Ehttp.port="$OS_PORT" \
                -Ecluster.routing.allocation.disk.threshold_enabled=false
        ) </dev/null >>"$OS_CONSOLE_LOG" 2>&1 3>&- &
        launcher_pid=$!
    fi

    local waited=0
    until os_answers; do
        if [ -n "$launcher_pid" ] && ! kill -0 "$launcher_pid" 2>/dev/null; then
            tail -n 40 "$OS_CONSOLE_LOG" >&2 || true
            die "OpenSearch exited during startup (see $OS_HOME/logs)"
        fi
        if [ "$waited" -ge "$OS_START_TIMEOUT" ]; then
            tail -n 40 "$OS_CONSOLE_LOG" >&2 || true
            die "OpenSearch did not answer on $OS_URL within ${OS_START_TIMEOUT}s (see $OS_HOME/logs)"
        fi
        sleep 2
        waited=$((waited + 2))
    done
    log "OpenSearch answering on $OS_URL after ~${waited}s"
}

# POST a request to _analyze and require a given token in the response.
check_analyze() {
    local what=$1 body=$2 token=$3 resp
    resp=$(curl -sS --max-time 10 -XPOST "$OS_URL/_analyze" \
        -H 'Content-Type: application/json' --data-binary "$body") \
        || die "analysis check '$what': request failed"
    grep -qF "\"token\":\"$token\"" <<<"$resp" \
        || die "analysis check '$what' failed: expected token '$token', got: $resp"
}

verify_opensearch() {
    local info
    info=$(curl -fsS --max-time 5 "$OS_URL/")
    grep -q '"distribution" *: *"opensearch"' <<<"$info" \
        || log "WARNING: $OS_URL does not look like OpenSearch"
    grep -q "\"number\" *: *\"${OS_VERSION}\"" <<<"$info" \
        || log "WARNING: $OS_URL is not OpenSearch $OS_VERSION"
    # What the Wagtail/modelsearch backend and our Arabic search rely on.
    check_analyze "arabic analyzer" '{"analyzer":"arabic","text":"والهدم"}' "هدم"
    check_analyze "arabic_normalization" \
        '{"tokenizer":"standard","filter":["arabic_normalization"],"text":"أحمد"}' "احمد"
    check_analyze "stemmer arabic" \
        '{"tokenizer":"standard","filter":[{"type":"stemmer","language":"arabic"}],"text":"والهدم"}' "هدم"
    check_analyze "stemmer english" \
        '{"tokenizer":"standard","filter":[{"type":"stemmer","language":"english"}],"text":"running"}' "run"
    check_analyze "edge_ngram tokenizer" \
        '{"tokenizer":{"type":"edge_ngram","min_gram":2,"max_gram":15},"text":"search"}' "sea"
    check_analyze "asciifolding+lowercase+edge_ngram filters" \
        '{"tokenizer":"standard","filter":["asciifolding","lowercase",{"type":"edge_ngram","min_gram":1,"max_gram":15}],"text":"Café"}' "caf"
    check_analyze "ngram filter" \
        '{"tokenizer":"standard","filter":[{"type":"ngram","min_gram":3,"max_gram":4}],"text":"search"}' "arch"
    log "OpenSearch analysis checks passed (arabic, arabic_normalization, stemmer, edge_ngram, ngram, asciifolding)"
}

stop_opensearch() {
    local pid
    if ! pid=$(os_pid); then
        if os_answers; then
            log "something answers on $OS_URL but it is not our node (no live $OS_PIDFILE); leaving it"
        else
            log "OpenSearch not running"
        fi
        return 0
    fi
    log "stopping OpenSearch (pid $pid)"
    kill -TERM "$pid"
    local i
    for i in $(seq 1 30); do
        kill -0 "$pid" 2>/dev/null || { log "OpenSearch stopped"; return 0; }
        sleep 1
    done
    log "OpenSearch did not stop in 30s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
}

# ---------------------------------------------------------------------------
# Redis (Debian redis-server): the shared cache, loopback only, no persistence
# ---------------------------------------------------------------------------
REDIS_PORT=6379
REDIS_URL="redis://127.0.0.1:${REDIS_PORT}/0"
REDIS_DIR="${SERVICES_DIR}/redis"
REDIS_PIDFILE="${REDIS_DIR}/redis.pid"
REDIS_LOG="${REDIS_DIR}/redis.log"

redis_answers() { [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]; }

start_redis() {
    command -v redis-server >/dev/null 2>&1 || apt_install redis-server
    if redis_answers; then
        log "Redis already answering on $REDIS_URL"
        return 0
    fi
    mkdir -p "$REDIS_DIR"
    log "starting Redis on 127.0.0.1:$REDIS_PORT (no persistence) log: $REDIS_LOG"
    # A cache: nothing saved to disk (no RDB, no AOF); the least recently used keys go when memory is full.
    # Daemonized with fd 3 closed, so it never holds our stdout pipe open.
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --protected-mode yes \
        --save "" --appendonly no --maxmemory 256mb --maxmemory-policy allkeys-lru \
        --daemonize yes --pidfile "$REDIS_PIDFILE" --logfile "$REDIS_LOG" --dir "$REDIS_DIR" \
        </dev/null >/dev/null 2>&1 3>&- || die "redis-server did not start (see $REDIS_LOG)"
    local waited=0
    until redis_answers; do
        [ "$waited" -ge 20 ] && { tail -n 20 "$REDIS_LOG" >&2 || true; die "Redis did not answer on $REDIS_URL"; }
        sleep 0.5
        waited=$((waited + 1))
    done
    log "Redis answering on $REDIS_URL"
}

stop_redis() {
    if ! redis_answers; then
        log "Redis not running"
        return 0
    fi
    log "stopping Redis"
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 3>&- || true
}

# ---------------------------------------------------------------------------
case "${1:-start}" in
    start)
        ensure_tools
        start_postgres
        start_opensearch
        verify_opensearch
        start_redis
        echo "export DATABASE_URL=${DATABASE_URL}" >&3
        echo "export ELASTICSEARCH_URL=${OS_URL}" >&3
        echo "export ELASTICSEARCH_ENGINE=opensearch2" >&3
        echo "export REDIS_URL=${REDIS_URL}" >&3
        ;;
    stop)
        stop_redis
        stop_opensearch
        stop_postgres
        ;;
    *)
        die "usage: $0 [start|stop]"
        ;;
esac
