# The runtime every slurm-gitops script is made of: step markers, results, errors and what happens on exit.
# Functions only; the script declares the state used here (SG_STEP, SG_STEP_START, SG_DURATIONS, SG_FAILED_STEP,
# SG_EXIT_HOOKS) and installs the traps (trap sg_on_exit EXIT; sg_trap_signals).

# Marker lines: parsed by the runner into log groups, timings and outputs; the nonce makes them unforgeable.
sg_mark() { printf '::sg-%s::%s\n' "$SG_NONCE" "$*" || true; }
sg_now_ms() { date +%s%3N; }

# run_step NAME: the step NAME is the function NAME, run between the markers `begin NAME` and `end NAME …`, so
# a marker always names what ran. A step fails by exiting (errexit, sg_die): the exit trap ends its marker.
run_step() {
  declare -F "$1" >/dev/null || sg_die "step $1: no function $1 is defined (a step file must define it)" 2
  SG_STEP=$1
  SG_STEP_START=$(sg_now_ms)
  sg_mark begin "$1"
  "$1"
  sg_step_end 0
}

sg_step_end() {
  [ -n "$SG_STEP" ] || return 0
  local ms=$(($(sg_now_ms) - SG_STEP_START))
  sg_mark end "$SG_STEP" "$1" "$ms"
  SG_DURATIONS="$SG_DURATIONS${SG_DURATIONS:+,}$SG_STEP:$ms"
  SG_STEP=''
}

# sg_result KEY VALUE: one of the run's outputs (deploy-templates/README.md lists the keys).
sg_result() { sg_mark result "$1=$2"; }

sg_die() {
  echo "error: $1"
  exit "${2:-1}"
}

# A value from outside (actor, run URL) as one field of a tab-separated line: it must not add fields or lines.
sg_field() {
  local value=${1//$'\t'/ }
  value=${value//$'\n'/ }
  printf '%s' "${value//$'\r'/ }"
}

# sg_at_exit FUNCTION: when the script ends, FUNCTION runs with the exit code (in the order registered). A step
# registers the undoing of what it made (a scratch directory, a claim, an unverified release) once it made it.
sg_at_exit() { SG_EXIT_HOOKS+=("$1"); }

sg_on_exit() {
  local code=$? hook
  [ "$code" -eq 0 ] || SG_FAILED_STEP=$SG_STEP
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
  trap 'exit 129' HUP
  trap 'exit 130' INT
  trap 'exit 141' PIPE
  trap 'exit 143' TERM
}

# Until sg_trap_signals again, a lost connection or a cancel does not stop the script: for steps that must not
# stop halfway (the runner's KILL, after its grace period, is then the only way to stop it).
sg_hold_signals() { trap '' HUP PIPE INT TERM; }
