#!/usr/bin/env bash
# Runs the Dockerfile's own build and start steps, in their order, in a clean folder: for machines
# without a container daemon (CI), so the steps are tested even where the image cannot be built.
# Each stage gets its own root folder standing for the image's /; WORKDIR, COPY (from the build
# context, which honours .dockerignore, or --from an earlier stage), RUN, ENV and CMD are followed;
# FROM, EXPOSE, USER and HEALTHCHECK are read but need no step here. Then the CMD is started
# (on DATABASE_URL when set, else the embedded database), must answer /healthz and /readyz, and
# must stop cleanly on SIGTERM.
#   scripts/docker-steps.sh [Dockerfile]
set -euo pipefail
cd "$(dirname "$0")/.."
dockerfile="${1:-Dockerfile}"
work="$(mktemp -d "${TMPDIR:-/tmp}/l4a-docker-steps.XXXXXX")"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then kill -TERM "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The build context: the repository's tracked and new files, minus .dockerignore's patterns.
context="$work/context"
mkdir -p "$context"
excludes=()
if [[ -f .dockerignore ]]; then
  while IFS= read -r pattern; do
    [[ -z "$pattern" || "$pattern" == \#* ]] && continue
    excludes+=("--exclude=./$pattern")
  done < .dockerignore
fi
tar -cf - "${excludes[@]}" . | tar -xf - -C "$context"

stage=0
declare -A stage_root
root=""
workdir="/"
cmd_json=""
env_vars=()
# Joins continuation lines (ending in \) into one instruction per line.
instructions="$(sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$dockerfile" | grep -vE '^\s*(#|$)')"
while IFS= read -r line; do
  keyword="${line%% *}"
  args="${line#* }"
  case "${keyword^^}" in
    FROM)
      stage=$((stage + 1))
      root="$work/stage$stage"
      mkdir -p "$root"
      name="$(sed -nE 's/.* [Aa][Ss] ([A-Za-z0-9_-]+)$/\1/p' <<<"$args")"
      [[ -n "$name" ]] && stage_root[$name]="$root"
      stage_root[$((stage - 1))]="$root"
      workdir="/"
      echo "--- stage $stage: FROM $args"
      ;;
    WORKDIR)
      workdir="$args"
      mkdir -p "$root$workdir"
      ;;
    ENV)
      export "${args%%=*}=${args#*=}"
      env_vars+=("${args%%=*}=${args#*=}")
      ;;
    COPY)
      from=""
      read -ra parts <<<"$args"
      files=()
      for part in "${parts[@]}"; do
        case "$part" in
          --from=*) from="${part#--from=}" ;;
          --chown=* | --chmod=*) ;;
          *) files+=("$part") ;;
        esac
      done
      dest="${files[-1]}"
      unset 'files[-1]'
      [[ "$dest" != /* ]] && dest="$workdir/$dest"
      echo "--- COPY ${from:+--from=$from }${files[*]} $dest"
      for source in "${files[@]}"; do
        if [[ -n "$from" ]]; then src="${stage_root[$from]}$source"; else src="$context/$source"; fi
        if [[ -d "$src" ]]; then
          mkdir -p "$root$dest"
          cp -a "$src/." "$root$dest/"
        else
          if [[ "$dest" == */ ]]; then mkdir -p "$root$dest"; else mkdir -p "$(dirname "$root$dest")"; fi
          cp -a "$src" "$root$dest"
        fi
      done
      ;;
    RUN)
      echo "--- RUN $args"
      (cd "$root$workdir" && bash -euo pipefail -c "$args")
      ;;
    CMD)
      cmd_json="$args"
      ;;
    EXPOSE | USER | HEALTHCHECK | LABEL | ARG) ;;
    *)
      echo "docker-steps: the instruction ${keyword} is not followed by this script: keep the Dockerfile to the ones it knows" >&2
      exit 2
      ;;
  esac
done <<<"$instructions"

[[ -n "$cmd_json" ]] || { echo "docker-steps: the Dockerfile has no CMD" >&2; exit 2; }
mapfile -t command < <(node -e 'for (const part of JSON.parse(process.argv[1])) console.log(part)' "$cmd_json")
port="${DOCKER_STEPS_PORT:-3199}"
echo "--- CMD ${command[*]} (port $port)"
cd "$root$workdir"
log="$work/server.log"
env "${env_vars[@]}" PORT="$port" PUBLIC_URL="http://127.0.0.1:$port" SESSION_SECRET="docker-steps-secret-of-at-least-32-chars" \
  DEMO_MODE=true PGLITE_DATA_DIR="$work/data/pglite" "${command[@]}" >"$log" 2>&1 &
server_pid=$!
ready=""
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then ready=yes; break; fi
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 1
done
if [[ -z "$ready" ]]; then
  echo "docker-steps: the server did not become ready" >&2
  tail -n 40 "$log" >&2
  exit 1
fi
curl -fsS "http://127.0.0.1:$port/healthz" && echo
curl -fsS -o /dev/null -w "GET /en: %{http_code}\n" "http://127.0.0.1:$port/en"
kill -TERM "$server_pid"
status=0
wait "$server_pid" || status=$?
server_pid=""
if [[ $status -ne 0 ]]; then
  echo "docker-steps: the server exited with $status on SIGTERM" >&2
  tail -n 20 "$log" >&2
  exit 1
fi
echo "docker-steps: built, started, ready and stopped cleanly"
