# The runtime every slurm-gitops script is made of: step markers, results, errors and what happens on exit.
# Functions only; the script declares the state used here (SG_STEP, SG_STEP_START, SG_DURATIONS, SG_FAILED_STEP,
# SG_EXIT_HOOKS, SG_CONTAINED, SG_BACKGROUND, SG_SKIP_REST) and installs the traps (trap sg_on_exit EXIT;
# sg_trap_signals).

# Marker lines: parsed by the runner into log groups, timings and outputs; the nonce makes them unforgeable.
sg_mark() { printf '::sg-%s::%s\n' "$SG_NONCE" "$*" || true; }

# Every deploy runs these: builtins where bash has them (4.2 or newer), a process only where it has none.
# sg_now_ms VAR: VAR is the time in ms since the epoch (bash 5's $EPOCHREALTIME; `date` before it).
sg_now_ms() {
  if [ -n "${EPOCHREALTIME:-}" ]; then
    local sg_us=${EPOCHREALTIME//[!0-9]/}
    printf -v "$1" '%s' "${sg_us:0:${#sg_us}-3}"
  else
    printf -v "$1" '%s' "$(date +%s%3N)"
  fi
}
# sg_utc_now VAR: VAR is the time now in UTC, e.g. 2026-12-02T06:00:00Z (printf's builtin strftime).
sg_utc_now() { TZ=UTC0 printf -v "$1" '%(%Y-%m-%dT%H:%M:%SZ)T' -1; }

# run_step NAME: the step NAME is the function NAME, run between the markers `begin NAME` and `end NAME …`, so
# a marker always names what ran. A step fails by exiting (errexit, sg_die): the exit trap ends its marker.
# A step ends the run early and successfully by setting SG_SKIP_REST (never by `exit 0`: in a login shell, exit
# runs ~/.bash_logout under errexit, whose failing `clear_console` would turn it into exit 1).
run_step() {
  [ -z "$SG_SKIP_REST" ] || return 0
  declare -F "$1" >/dev/null || sg_die "step $1: no function $1 is defined (a step file must define it)" 2
  SG_STEP=$1
  sg_now_ms SG_STEP_START
  sg_mark begin "$1"
  "$1"
  sg_step_end 0
}

sg_step_end() {
  [ -n "$SG_STEP" ] || return 0
  local end
  sg_now_ms end
  local ms=$((end - SG_STEP_START))
  sg_mark end "$SG_STEP" "$1" "$ms"
  SG_DURATIONS="$SG_DURATIONS${SG_DURATIONS:+,}$SG_STEP:$ms"
  SG_STEP=''
}

# sg_result KEY VALUE: one of the run's outputs (deploy-templates/README.md lists the keys).
sg_result() { sg_mark result "$1=$2"; }

# sg_warn TEXT: shown as a warning by the runner (an annotation in the action, `warning:` in the CLI).
sg_warn() { sg_mark warning "$*"; }

sg_die() {
  echo "error: $1"
  # Without errexit, so that ~/.bash_logout (run by exit in a login shell) cannot change the status.
  set +e
  exit "${2:-1}"
}

# A value from outside (actor, run URL) as one field of a tab-separated line: it must not add fields or lines.
# sg_field VALUE [VAR]: into VAR when one is named (no subshell), else printed.
sg_field() {
  local sg_v=${1//$'\t'/ }
  sg_v=${sg_v//$'\n'/ }
  sg_v=${sg_v//$'\r'/ }
  if [ $# -gt 1 ]; then printf -v "$2" '%s' "$sg_v"; else printf '%s' "$sg_v"; fi
}

# sg_at_exit FUNCTION: when the script ends, FUNCTION runs with the exit code (in the order registered). A step
# registers the undoing of what it made (a scratch directory, a claim, an unverified release) once it made it.
sg_at_exit() { SG_EXIT_HOOKS+=("$1"); }

sg_on_exit() {
  local code=$? hook
  [ "$code" -eq 0 ] || SG_FAILED_STEP=$SG_STEP
  # Stopped while a command of the user's ran (a cancel, a lost connection): it is ended too.
  [ -z "$SG_CONTAINED" ] || sg_end_contained "${SG_CONTAINED#* }"
  # Queries of the run's own still running in the background (the run failed before it needed their answers).
  [ ${#SG_BACKGROUND[@]} -eq 0 ] || kill "${SG_BACKGROUND[@]}" 2>/dev/null || true
  sg_step_end "$code"
  # `|| true`: a hook that fails must not keep the others, or the exit marker, from running.
  for hook in ${SG_EXIT_HOOKS[@]+"${SG_EXIT_HOOKS[@]}"}; do "$hook" "$code" || true; done
  # The bundle the runner sent for this run (project.source: bundle) is this run's alone.
  [ -z "$SG_BUNDLE" ] || rm -f "$SG_BUNDLE"
  sg_mark exit "$code"
}

# Killed by a signal (a cancelled run: TERM to the process group), bash runs the EXIT trap with $? of the last
# command, often 0: the run would report success and record it. Exit with the signal's status instead.
sg_trap_signals() {
  trap 'set +e; exit 129' HUP
  trap 'set +e; exit 130' INT
  trap 'set +e; exit 141' PIPE
  trap 'set +e; exit 143' TERM
}

# Until sg_trap_signals again, a lost connection or a cancel does not stop the script: for steps that must not
# stop halfway (the runner's KILL, after its grace period, is then the only way to stop it).
sg_hold_signals() { trap '' HUP PIPE INT TERM; }

# sg_read_file VAR FILE: VAR is FILE's whole text ('' when it cannot be read), read by the shell. The braces: a
# redirection's error (no such file) goes where the group's stderr goes, not into the log.
sg_read_file() {
  printf -v "$1" '%s' ''
  { IFS= read -r -d '' "$1" <"$2"; } 2>/dev/null || true
}

# sg_background VAR COMMAND...: a query of the run's own (read-only, short: Slurm's, never the user's code) runs
# in the background, without this run's lock descriptors, while the run goes on; VAR is its process id, for
# sg_wait_background. Ended when the script ends before it was waited for (a child not yet waited for keeps its id).
sg_background() {
  local sg_var=$1
  shift
  "$@" 8>&- 9>&- &
  printf -v "$sg_var" '%s' "$!"
  SG_BACKGROUND+=("$!")
}

# sg_wait_background ID: waits for the query ID (sg_background); its status is the query's.
sg_wait_background() {
  local sg_status=0 sg_i
  wait "$1" || sg_status=$?
  for sg_i in "${!SG_BACKGROUND[@]}"; do [ "${SG_BACKGROUND[sg_i]}" != "$1" ] || unset "SG_BACKGROUND[sg_i]"; done
  return "$sg_status"
}

# sg_contained LABEL SECONDS COMMAND...: runs a command of the user's (the smoke command, pip and whatever its
# build backends start) contained: in a process group of its own, without this run's lock descriptors (8, 9),
# stdin closed, for at most SECONDS (0: no limit). What it leaves running in its group is ended when it returns,
# and named in a warning. Its status is the command's; 124 when it ran out of time.
sg_contained() {
  local label=$1 limit=$2 status=0
  shift 2
  # timeout makes itself the leader of a new process group and, when time is up, signals that whole group.
  # Started in the background so that a signal to this script interrupts the `wait` (and the EXIT trap ends it).
  timeout --kill-after=10 "$limit" "$@" 8>&- 9>&- </dev/null &
  SG_CONTAINED="$! $label"
  wait "$!" || status=$?
  sg_end_contained "$label"
  [ "$status" -ne 124 ] || echo "$label ran out of time after ${limit}s and was stopped"
  return "$status"
}

# sg_end_contained LABEL: ends what is left in the contained process group (TERM, 2 s, KILL) and says what it was.
sg_end_contained() {
  local group=${SG_CONTAINED%% *} left tries=10
  SG_CONTAINED=''
  # `kill -0` on the group is a builtin: when nothing is left, as usual, this costs no process.
  kill -0 -- "-$group" 2>/dev/null || return 0
  left=$(pgrep -a -g "$group" 2>/dev/null | tr '\n' ';' || true)
  sg_warn "$1 left processes running; they were ended: ${left:-process group $group}"
  kill -TERM -- "-$group" 2>/dev/null || true
  while [ "$tries" -gt 0 ] && kill -0 -- "-$group" 2>/dev/null; do
    sleep 0.2
    tries=$((tries - 1))
  done
  kill -KILL -- "-$group" 2>/dev/null || true
}
