import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  RENDERED_DIR
} from "./chunk-KKQ5VAXV.js";
import {
  STEP_FILES,
  TEMPLATE_NAMES
} from "./chunk-WL4CDPLR.js";
import {
  sandboxJobPrefix
} from "./chunk-77AM224P.js";
import {
  fromPrecompiled
} from "./chunk-HOUED5BR.js";
import {
  UserError
} from "./chunk-NPKQP7SB.js";

// src/plan/plan.ts
import { createHash } from "node:crypto";

// src/render/compiled-template.ts
function precompiledFor(source, precompiled) {
  return precompiled?.text === source.text ? precompiled : void 0;
}
async function compiledTemplate(source, includes, precompiled) {
  const usable = precompiledFor(source, precompiled);
  if (usable) return fromPrecompiled(usable.spec, source, includes);
  const { compileTemplate } = await import("./shell-handlebars-VBGD6Y6Z.js");
  return compileTemplate(source, includes);
}

// src/render/precompiled-templates.ts
var precompiledTemplates = {
  "deploy.sh": {
    text: `#!/bin/bash
# slurm-gitops: {{project.name}} {{deployment.environment}} (branch {{deployment.branch}}) on the login node.
# Runs once per SSH session as \`bash -s\`. Before it come the rendered files (sg_write_files, SG_RENDERED_PATHS)
# and the values of this run: SG_MODE (deploy | rollback | status | logs | remove), SG_SHA, SG_ACTOR, SG_RUN_URL,
# SG_NONCE, SG_BUNDLE, SG_TARGET, and for logs SG_JOB, SG_RUNS, SG_JOB_ID, for remove SG_FORCE, SG_PURGE.
# Made of steps: the files of deploy-templates/steps/ (or a repository's override of one), inserted below as they
# are; the list at the end says what each mode runs. What a step must keep: deploy-templates/README.md.
# Nothing before the "switch" step changes what users and jobs see: a failure leaves the previous release live.
set -Eeuo pipefail
exec 2>&1
umask 0022

# --- values of this deployment (the steps read them, none changes them)
ROOT={{deployment.root}}
BRANCH={{deployment.branch}}
REPOSITORY={{project.repository}}
SOURCE={{project.source}}
PYTHON={{project.python}}
REQUIREMENTS={{project.requirements}}
PIP_ARGS=({{quote-each project.pipArgs}})
KEEP_RELEASES={{project.keepReleases}}
LOCK_TIMEOUT={{project.lockTimeoutSeconds}}
PARTITIONS=({{quote-each partitions}})
JOBS=({{quote-each jobNames}})
BLOCK_BEGIN={{markers.begin}}
BLOCK_END={{markers.end}}
# What Slurm puts before each line of a cron entry it disabled; a job with \`enabled: false\` is rendered so too.
DISABLED_PREFIX={{markers.disabled}}
JOB_PREFIX={{jobPrefix}}
SMOKE_COMMAND={{project.smokeCommand}}
SMOKE_TIMEOUT={{project.smokeTimeoutSeconds}}
# In every release: the rendered files, the venv link and the fingerprint.
RENDERED_DIR={{renderedDir}}
# Fingerprint of the rendered files: a release is reused only when its files are exactly these.
RENDER_HASH={{renderHash}}
# The bare mirror the commits are fetched into, and the ref that keeps the deployed one there.
MIRROR=$ROOT/repo.git
KEEP_REF=refs/slurm-gitops/deployed/$BRANCH
# The project's venv store: one venv per hash of (python version, requirements, pip args), shared by every
# deployment and sandbox; building and pruning lock it ($VENV_STORE/.lock).
VENV_STORE={{project.venvStore}}
# Who may link into the store, for pruning: the releases of every deployment, and the sandbox runs.
DEPLOYMENT_ROOTS=({{quote-each deploymentRoots}})
SANDBOX_ROOT={{sandbox.root}}
# The per-deployment venv store of earlier versions: it serves the releases that link to it until they are pruned.
OLD_VENV_STORE=$ROOT/venvs
# A run lasts at most 24 h (cluster.timeoutMinutes): files of a run older than that are leftovers of a killed one.
LEFTOVER_MINUTES=1440
# The deployment's data; a remove keeps it unless asked to purge.
DATA_DIR={{deployment.dataDir}}

# --- state the steps share: declared once, here; each is set by the step named and read by later ones
SG_STEP=''            # runtime: the step now running ('' between steps)
SG_STEP_START=0       # runtime: when it began (ms since the epoch)
SG_DURATIONS=''       # runtime: name:ms of every step that ended, for the history
SG_FAILED_STEP=''     # runtime: the step that failed, for the history
SG_EXIT_HOOKS=()      # runtime: what runs on exit, with the exit code (sg_at_exit)
SG_SKIP_REST=''       # runtime: set by a step that ends the run early and successfully: later steps do not run
SG_CONTAINED=''       # runtime: "<process group> <label>" of the user's command now running (sg_contained)
SG_BACKGROUND=()      # runtime: the process ids of the run's queries in the background, not waited for yet
SG_SLURM_QUERIES=()   # slurm: the ids of its queries in the background (sg_slurm_ask), until it has their answers
SG_TMP=''             # lock: this run's scratch directory under $ROOT, removed on exit
PREVIOUS_SHA=''       # lock: the commit live before this run ('' when none)
VENV=''               # venv: the venv of the commit, in $VENV_STORE
SG_VENV_CLAIM=''      # venv: this run's claim on $VENV (pruning keeps claimed venvs), removed on exit
RELEASE=''            # release (rollback: target): the release this run makes live
NEW_SHA=''            # release (rollback: target): its commit
SG_PREVIOUS_TARGET='' # switch: where \`current\` pointed before, for schedule to go back to
SG_RECORDED=0         # record (or the exit trap): 1 once this run's history line is written
SG_REMOVED=''         # unschedule, teardown (remove): what this run removed, \`; \`-separated, for the history

# --- the project's smoke command (project.smokeCommand), run by the verify step in the new release
sg_smoke() {
{{code project.smokeCommand}}
}

{{include "steps/runtime.sh"}}
{{include "steps/deployment.sh"}}
{{include "steps/scrontab-table.sh"}}
{{include "steps/history.sh"}}
{{include "steps/golive.sh"}}
{{include "steps/preflight.sh"}}
{{include "steps/lock.sh"}}
{{include "steps/unchanged.sh"}}
{{include "steps/slurm.sh"}}
{{include "steps/fetch.sh"}}
{{include "steps/ancestry.sh"}}
{{include "steps/venv.sh"}}
{{include "steps/release.sh"}}
{{include "steps/verify.sh"}}
{{include "steps/switch.sh"}}
{{include "steps/schedule.sh"}}
{{include "steps/prune.sh"}}
{{include "steps/record.sh"}}
{{include "steps/target.sh"}}
{{include "steps/status.sh"}}
{{include "steps/logs.sh"}}
{{include "steps/unschedule.sh"}}
{{include "steps/teardown.sh"}}
# --- what each mode runs, in order: \`run_step NAME\` runs the function NAME between the markers of NAME
trap sg_on_exit EXIT
sg_trap_signals
case $SG_MODE in
deploy)
  run_step preflight
  run_step lock
  run_step unchanged
  # The slurm step's queries run while the commit is fetched; the step checks their answers before anything is
  # built or goes live (the fetch changes only the mirror).
  sg_slurm_ask
  run_step fetch
  run_step slurm
  run_step ancestry
  run_step venv
  run_step release
  run_step verify
  # Code and schedule go live together: from the switch to the end of the scrontab update, a lost connection
  # or a cancel must not stop halfway (and a KILL there is repaired by the next run: golive.sh).
  sg_hold_signals
  run_step switch
  run_step schedule
  sg_trap_signals
  run_step prune
  run_step record
  ;;
rollback)
  run_step preflight
  run_step lock
  run_step slurm
  run_step target
  sg_hold_signals
  run_step switch
  run_step schedule
  sg_trap_signals
  run_step record
  ;;
status)
  run_step status
  ;;
logs)
  run_step logs
  ;;
remove)
  run_step lock
  run_step unschedule
  run_step teardown
  run_step record
  ;;
*) sg_die "unknown mode $SG_MODE" 2 ;;
esac
`,
    spec: { "compiler": [8, ">= 4.3.0"], "main": function(container, depth0, helpers, partials, data) {
      var helper, alias1 = container.strict, alias2 = container.lambda, alias3 = container.escapeExpression, alias4 = depth0 != null ? depth0 : container.nullContext || {}, alias5 = "function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return void 0;
      };
      return "#!/bin/bash\n# slurm-gitops: " + alias3(alias2(alias1(lookupProperty(depth0, "project"), "name", { "start": { "line": 2, "column": 18 }, "end": { "line": 2, "column": 30 } }), depth0)) + " " + alias3(alias2(alias1(lookupProperty(depth0, "deployment"), "environment", { "start": { "line": 2, "column": 35 }, "end": { "line": 2, "column": 57 } }), depth0)) + " (branch " + alias3(alias2(alias1(lookupProperty(depth0, "deployment"), "branch", { "start": { "line": 2, "column": 70 }, "end": { "line": 2, "column": 87 } }), depth0)) + ') on the login node.\n# Runs once per SSH session as `bash -s`. Before it come the rendered files (sg_write_files, SG_RENDERED_PATHS)\n# and the values of this run: SG_MODE (deploy | rollback | status | logs | remove), SG_SHA, SG_ACTOR, SG_RUN_URL,\n# SG_NONCE, SG_BUNDLE, SG_TARGET, and for logs SG_JOB, SG_RUNS, SG_JOB_ID, for remove SG_FORCE, SG_PURGE.\n# Made of steps: the files of deploy-templates/steps/ (or a repository\'s override of one), inserted below as they\n# are; the list at the end says what each mode runs. What a step must keep: deploy-templates/README.md.\n# Nothing before the "switch" step changes what users and jobs see: a failure leaves the previous release live.\nset -Eeuo pipefail\nexec 2>&1\numask 0022\n\n# --- values of this deployment (the steps read them, none changes them)\nROOT=' + alias3(alias2(alias1(lookupProperty(depth0, "deployment"), "root", { "start": { "line": 14, "column": 7 }, "end": { "line": 14, "column": 22 } }), depth0)) + "\nBRANCH=" + alias3(alias2(alias1(lookupProperty(depth0, "deployment"), "branch", { "start": { "line": 15, "column": 9 }, "end": { "line": 15, "column": 26 } }), depth0)) + "\nREPOSITORY=" + alias3(alias2(alias1(lookupProperty(depth0, "project"), "repository", { "start": { "line": 16, "column": 13 }, "end": { "line": 16, "column": 31 } }), depth0)) + "\nSOURCE=" + alias3(alias2(alias1(lookupProperty(depth0, "project"), "source", { "start": { "line": 17, "column": 9 }, "end": { "line": 17, "column": 23 } }), depth0)) + "\nPYTHON=" + alias3(alias2(alias1(lookupProperty(depth0, "project"), "python", { "start": { "line": 18, "column": 9 }, "end": { "line": 18, "column": 23 } }), depth0)) + "\nREQUIREMENTS=" + alias3(alias2(alias1(lookupProperty(depth0, "project"), "requirements", { "start": { "line": 19, "column": 15 }, "end": { "line": 19, "column": 35 } }), depth0)) + "\nPIP_ARGS=(" + alias3((lookupProperty(helpers, "quote-each") || alias1(depth0, "quote-each", { "start": { "line": 20, "column": 12 }, "end": { "line": 20, "column": 22 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "pipArgs"), { "name": "quote-each", "hash": {}, "data": data, "loc": { "start": { "line": 20, "column": 10 }, "end": { "line": 20, "column": 40 } } })) + ")\nKEEP_RELEASES=" + alias3(alias2(alias1(lookupProperty(depth0, "project"), "keepReleases", { "start": { "line": 21, "column": 16 }, "end": { "line": 21, "column": 36 } }), depth0)) + "\nLOCK_TIMEOUT=" + alias3(alias2(alias1(lookupProperty(depth0, "project"), "lockTimeoutSeconds", { "start": { "line": 22, "column": 15 }, "end": { "line": 22, "column": 41 } }), depth0)) + "\nPARTITIONS=(" + alias3((lookupProperty(helpers, "quote-each") || alias1(depth0, "quote-each", { "start": { "line": 23, "column": 14 }, "end": { "line": 23, "column": 24 } })).call(alias4, lookupProperty(depth0, "partitions"), { "name": "quote-each", "hash": {}, "data": data, "loc": { "start": { "line": 23, "column": 12 }, "end": { "line": 23, "column": 37 } } })) + ")\nJOBS=(" + alias3((lookupProperty(helpers, "quote-each") || alias1(depth0, "quote-each", { "start": { "line": 24, "column": 8 }, "end": { "line": 24, "column": 18 } })).call(alias4, lookupProperty(depth0, "jobNames"), { "name": "quote-each", "hash": {}, "data": data, "loc": { "start": { "line": 24, "column": 6 }, "end": { "line": 24, "column": 29 } } })) + ")\nBLOCK_BEGIN=" + alias3(alias2(alias1(lookupProperty(depth0, "markers"), "begin", { "start": { "line": 25, "column": 14 }, "end": { "line": 25, "column": 27 } }), depth0)) + "\nBLOCK_END=" + alias3(alias2(alias1(lookupProperty(depth0, "markers"), "end", { "start": { "line": 26, "column": 12 }, "end": { "line": 26, "column": 23 } }), depth0)) + "\n# What Slurm puts before each line of a cron entry it disabled; a job with `enabled: false` is rendered so too.\nDISABLED_PREFIX=" + alias3(alias2(alias1(lookupProperty(depth0, "markers"), "disabled", { "start": { "line": 28, "column": 18 }, "end": { "line": 28, "column": 34 } }), depth0)) + "\nJOB_PREFIX=" + alias3((helper = lookupProperty(helpers, "jobPrefix") || alias1(depth0, "jobPrefix", { "start": { "line": 29, "column": 13 }, "end": { "line": 29, "column": 22 } }), typeof helper === alias5 ? helper.call(alias4, { "name": "jobPrefix", "hash": {}, "data": data, "loc": { "start": { "line": 29, "column": 11 }, "end": { "line": 29, "column": 24 } } }) : helper)) + "\nSMOKE_COMMAND=" + alias3(alias2(alias1(lookupProperty(depth0, "project"), "smokeCommand", { "start": { "line": 30, "column": 16 }, "end": { "line": 30, "column": 36 } }), depth0)) + "\nSMOKE_TIMEOUT=" + alias3(alias2(alias1(lookupProperty(depth0, "project"), "smokeTimeoutSeconds", { "start": { "line": 31, "column": 16 }, "end": { "line": 31, "column": 43 } }), depth0)) + "\n# In every release: the rendered files, the venv link and the fingerprint.\nRENDERED_DIR=" + alias3((helper = lookupProperty(helpers, "renderedDir") || alias1(depth0, "renderedDir", { "start": { "line": 33, "column": 15 }, "end": { "line": 33, "column": 26 } }), typeof helper === alias5 ? helper.call(alias4, { "name": "renderedDir", "hash": {}, "data": data, "loc": { "start": { "line": 33, "column": 13 }, "end": { "line": 33, "column": 28 } } }) : helper)) + "\n# Fingerprint of the rendered files: a release is reused only when its files are exactly these.\nRENDER_HASH=" + alias3((helper = lookupProperty(helpers, "renderHash") || alias1(depth0, "renderHash", { "start": { "line": 35, "column": 14 }, "end": { "line": 35, "column": 24 } }), typeof helper === alias5 ? helper.call(alias4, { "name": "renderHash", "hash": {}, "data": data, "loc": { "start": { "line": 35, "column": 12 }, "end": { "line": 35, "column": 26 } } }) : helper)) + "\n# The bare mirror the commits are fetched into, and the ref that keeps the deployed one there.\nMIRROR=$ROOT/repo.git\nKEEP_REF=refs/slurm-gitops/deployed/$BRANCH\n# The project's venv store: one venv per hash of (python version, requirements, pip args), shared by every\n# deployment and sandbox; building and pruning lock it ($VENV_STORE/.lock).\nVENV_STORE=" + alias3(alias2(alias1(lookupProperty(depth0, "project"), "venvStore", { "start": { "line": 41, "column": 13 }, "end": { "line": 41, "column": 30 } }), depth0)) + "\n# Who may link into the store, for pruning: the releases of every deployment, and the sandbox runs.\nDEPLOYMENT_ROOTS=(" + alias3((lookupProperty(helpers, "quote-each") || alias1(depth0, "quote-each", { "start": { "line": 43, "column": 20 }, "end": { "line": 43, "column": 30 } })).call(alias4, lookupProperty(depth0, "deploymentRoots"), { "name": "quote-each", "hash": {}, "data": data, "loc": { "start": { "line": 43, "column": 18 }, "end": { "line": 43, "column": 48 } } })) + ")\nSANDBOX_ROOT=" + alias3(alias2(alias1(lookupProperty(depth0, "sandbox"), "root", { "start": { "line": 44, "column": 15 }, "end": { "line": 44, "column": 27 } }), depth0)) + "\n# The per-deployment venv store of earlier versions: it serves the releases that link to it until they are pruned.\nOLD_VENV_STORE=$ROOT/venvs\n# A run lasts at most 24 h (cluster.timeoutMinutes): files of a run older than that are leftovers of a killed one.\nLEFTOVER_MINUTES=1440\n# The deployment's data; a remove keeps it unless asked to purge.\nDATA_DIR=" + alias3(alias2(alias1(lookupProperty(depth0, "deployment"), "dataDir", { "start": { "line": 50, "column": 11 }, "end": { "line": 50, "column": 29 } }), depth0)) + "\n\n# --- state the steps share: declared once, here; each is set by the step named and read by later ones\nSG_STEP=''            # runtime: the step now running ('' between steps)\nSG_STEP_START=0       # runtime: when it began (ms since the epoch)\nSG_DURATIONS=''       # runtime: name:ms of every step that ended, for the history\nSG_FAILED_STEP=''     # runtime: the step that failed, for the history\nSG_EXIT_HOOKS=()      # runtime: what runs on exit, with the exit code (sg_at_exit)\nSG_SKIP_REST=''       # runtime: set by a step that ends the run early and successfully: later steps do not run\nSG_CONTAINED=''       # runtime: \"<process group> <label>\" of the user's command now running (sg_contained)\nSG_BACKGROUND=()      # runtime: the process ids of the run's queries in the background, not waited for yet\nSG_SLURM_QUERIES=()   # slurm: the ids of its queries in the background (sg_slurm_ask), until it has their answers\nSG_TMP=''             # lock: this run's scratch directory under $ROOT, removed on exit\nPREVIOUS_SHA=''       # lock: the commit live before this run ('' when none)\nVENV=''               # venv: the venv of the commit, in $VENV_STORE\nSG_VENV_CLAIM=''      # venv: this run's claim on $VENV (pruning keeps claimed venvs), removed on exit\nRELEASE=''            # release (rollback: target): the release this run makes live\nNEW_SHA=''            # release (rollback: target): its commit\nSG_PREVIOUS_TARGET='' # switch: where `current` pointed before, for schedule to go back to\nSG_RECORDED=0         # record (or the exit trap): 1 once this run's history line is written\nSG_REMOVED=''         # unschedule, teardown (remove): what this run removed, `; `-separated, for the history\n\n# --- the project's smoke command (project.smokeCommand), run by the verify step in the new release\nsg_smoke() {\n" + alias3((lookupProperty(helpers, "code") || alias1(depth0, "code", { "start": { "line": 74, "column": 2 }, "end": { "line": 74, "column": 6 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "smokeCommand"), { "name": "code", "hash": {}, "data": data, "loc": { "start": { "line": 74, "column": 0 }, "end": { "line": 74, "column": 29 } } })) + "\n}\n\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 77, "column": 2 }, "end": { "line": 77, "column": 9 } })).call(alias4, "steps/runtime.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 77, "column": 0 }, "end": { "line": 77, "column": 30 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 78, "column": 2 }, "end": { "line": 78, "column": 9 } })).call(alias4, "steps/deployment.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 78, "column": 0 }, "end": { "line": 78, "column": 33 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 79, "column": 2 }, "end": { "line": 79, "column": 9 } })).call(alias4, "steps/scrontab-table.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 79, "column": 0 }, "end": { "line": 79, "column": 37 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 80, "column": 2 }, "end": { "line": 80, "column": 9 } })).call(alias4, "steps/history.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 80, "column": 0 }, "end": { "line": 80, "column": 30 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 81, "column": 2 }, "end": { "line": 81, "column": 9 } })).call(alias4, "steps/golive.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 81, "column": 0 }, "end": { "line": 81, "column": 29 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 82, "column": 2 }, "end": { "line": 82, "column": 9 } })).call(alias4, "steps/preflight.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 82, "column": 0 }, "end": { "line": 82, "column": 32 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 83, "column": 2 }, "end": { "line": 83, "column": 9 } })).call(alias4, "steps/lock.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 83, "column": 0 }, "end": { "line": 83, "column": 27 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 84, "column": 2 }, "end": { "line": 84, "column": 9 } })).call(alias4, "steps/unchanged.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 84, "column": 0 }, "end": { "line": 84, "column": 32 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 85, "column": 2 }, "end": { "line": 85, "column": 9 } })).call(alias4, "steps/slurm.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 85, "column": 0 }, "end": { "line": 85, "column": 28 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 86, "column": 2 }, "end": { "line": 86, "column": 9 } })).call(alias4, "steps/fetch.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 86, "column": 0 }, "end": { "line": 86, "column": 28 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 87, "column": 2 }, "end": { "line": 87, "column": 9 } })).call(alias4, "steps/ancestry.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 87, "column": 0 }, "end": { "line": 87, "column": 31 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 88, "column": 2 }, "end": { "line": 88, "column": 9 } })).call(alias4, "steps/venv.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 88, "column": 0 }, "end": { "line": 88, "column": 27 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 89, "column": 2 }, "end": { "line": 89, "column": 9 } })).call(alias4, "steps/release.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 89, "column": 0 }, "end": { "line": 89, "column": 30 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 90, "column": 2 }, "end": { "line": 90, "column": 9 } })).call(alias4, "steps/verify.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 90, "column": 0 }, "end": { "line": 90, "column": 29 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 91, "column": 2 }, "end": { "line": 91, "column": 9 } })).call(alias4, "steps/switch.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 91, "column": 0 }, "end": { "line": 91, "column": 29 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 92, "column": 2 }, "end": { "line": 92, "column": 9 } })).call(alias4, "steps/schedule.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 92, "column": 0 }, "end": { "line": 92, "column": 31 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 93, "column": 2 }, "end": { "line": 93, "column": 9 } })).call(alias4, "steps/prune.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 93, "column": 0 }, "end": { "line": 93, "column": 28 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 94, "column": 2 }, "end": { "line": 94, "column": 9 } })).call(alias4, "steps/record.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 94, "column": 0 }, "end": { "line": 94, "column": 29 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 95, "column": 2 }, "end": { "line": 95, "column": 9 } })).call(alias4, "steps/target.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 95, "column": 0 }, "end": { "line": 95, "column": 29 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 96, "column": 2 }, "end": { "line": 96, "column": 9 } })).call(alias4, "steps/status.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 96, "column": 0 }, "end": { "line": 96, "column": 29 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 97, "column": 2 }, "end": { "line": 97, "column": 9 } })).call(alias4, "steps/logs.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 97, "column": 0 }, "end": { "line": 97, "column": 27 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 98, "column": 2 }, "end": { "line": 98, "column": 9 } })).call(alias4, "steps/unschedule.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 98, "column": 0 }, "end": { "line": 98, "column": 33 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 99, "column": 2 }, "end": { "line": 99, "column": 9 } })).call(alias4, "steps/teardown.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 99, "column": 0 }, "end": { "line": 99, "column": 31 } } })) + '\n# --- what each mode runs, in order: `run_step NAME` runs the function NAME between the markers of NAME\ntrap sg_on_exit EXIT\nsg_trap_signals\ncase $SG_MODE in\ndeploy)\n  run_step preflight\n  run_step lock\n  run_step unchanged\n  # The slurm step\'s queries run while the commit is fetched; the step checks their answers before anything is\n  # built or goes live (the fetch changes only the mirror).\n  sg_slurm_ask\n  run_step fetch\n  run_step slurm\n  run_step ancestry\n  run_step venv\n  run_step release\n  run_step verify\n  # Code and schedule go live together: from the switch to the end of the scrontab update, a lost connection\n  # or a cancel must not stop halfway (and a KILL there is repaired by the next run: golive.sh).\n  sg_hold_signals\n  run_step switch\n  run_step schedule\n  sg_trap_signals\n  run_step prune\n  run_step record\n  ;;\nrollback)\n  run_step preflight\n  run_step lock\n  run_step slurm\n  run_step target\n  sg_hold_signals\n  run_step switch\n  run_step schedule\n  sg_trap_signals\n  run_step record\n  ;;\nstatus)\n  run_step status\n  ;;\nlogs)\n  run_step logs\n  ;;\nremove)\n  run_step lock\n  run_step unschedule\n  run_step teardown\n  run_step record\n  ;;\n*) sg_die "unknown mode $SG_MODE" 2 ;;\nesac\n';
    }, "useData": true }
  },
  "env.sh": {
    text: '# {{project.name}} {{deployment.environment}} environment (branch {{deployment.branch}}), generated by slurm-gitops.\n# Do not edit: every deploy rewrites it. Use it with:  source {{deployment.root}}/env.sh\n{{#each project.modules}}\nmodule load {{this}}\n{{/each}}\n# The release this file is in, resolved now (every symlink, `current` too) and kept: a deploy later does not\n# change what this shell runs. Builtins where they can: a process only to read a symlink (the stable path).\n_sg_release=${BASH_SOURCE[0]}\nif [ -L "$_sg_release" ]; then\n  # Absolute, no symlink left: its directory\'s parent is two names up.\n  _sg_release=$(readlink -f -- "$_sg_release")\n  _sg_release=${_sg_release%/*}\n  _sg_release=${_sg_release%/*}\n  _sg_release=${_sg_release:-/}\nelse\n  case $_sg_release in */*) _sg_release=${_sg_release%/*}/.. ;; *) _sg_release=.. ;; esac\n  # builtin: a user\'s cd function (one that lists, or runs hooks) must not run here, nor print into it.\n  _sg_release=$(CDPATH=\'\' builtin cd -P -- "$_sg_release" && builtin pwd -P)\nfi\nexport {{word project.envPrefix}}_ENVIRONMENT={{deployment.environment}}\nexport {{word project.envPrefix}}_ROOT={{deployment.root}}\nexport {{word project.envPrefix}}_DATA={{deployment.dataDir}}\nexport {{word project.envPrefix}}_RELEASE="$_sg_release"\n{{word project.envPrefix}}_REVISION=\'\'\n# Its one line, as `$(cat \u2026)` gave it; a REVISION that cannot be opened still fails as it did.\n{ IFS= read -r {{word project.envPrefix}}_REVISION || :; } <"$_sg_release/REVISION"\nexport {{word project.envPrefix}}_REVISION\nexport VIRTUAL_ENV_DISABLE_PROMPT=1\n# shellcheck disable=SC1091\nsource "$_sg_release/{{word renderedDir}}/venv/bin/activate"\nexport PYTHONPATH="$_sg_release${PYTHONPATH:+:$PYTHONPATH}"\nunset _sg_release\n',
    spec: { "0": function(container, depth0, helpers, partials, data) {
      return "module load " + container.escapeExpression(container.lambda(depth0, depth0)) + "\n";
    }, "compiler": [8, ">= 4.3.0"], "main": function(container, depth0, helpers, partials, data) {
      var stack1, alias1 = container.strict, alias2 = container.lambda, alias3 = container.escapeExpression, alias4 = depth0 != null ? depth0 : container.nullContext || {}, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return void 0;
      };
      return "# " + alias3(alias2(alias1(lookupProperty(depth0, "project"), "name", { "start": { "line": 1, "column": 4 }, "end": { "line": 1, "column": 16 } }), depth0)) + " " + alias3(alias2(alias1(lookupProperty(depth0, "deployment"), "environment", { "start": { "line": 1, "column": 21 }, "end": { "line": 1, "column": 43 } }), depth0)) + " environment (branch " + alias3(alias2(alias1(lookupProperty(depth0, "deployment"), "branch", { "start": { "line": 1, "column": 68 }, "end": { "line": 1, "column": 85 } }), depth0)) + "), generated by slurm-gitops.\n# Do not edit: every deploy rewrites it. Use it with:  source " + alias3(alias2(alias1(lookupProperty(depth0, "deployment"), "root", { "start": { "line": 2, "column": 64 }, "end": { "line": 2, "column": 79 } }), depth0)) + "/env.sh\n" + ((stack1 = lookupProperty(helpers, "each").call(alias4, lookupProperty(lookupProperty(depth0, "project"), "modules"), { "name": "each", "hash": {}, "fn": container.program(0, data, 0), "inverse": container.noop, "data": data, "loc": { "start": { "line": 3, "column": 0 }, "end": { "line": 5, "column": 9 } } })) != null ? stack1 : "") + '# The release this file is in, resolved now (every symlink, `current` too) and kept: a deploy later does not\n# change what this shell runs. Builtins where they can: a process only to read a symlink (the stable path).\n_sg_release=${BASH_SOURCE[0]}\nif [ -L "$_sg_release" ]; then\n  # Absolute, no symlink left: its directory\'s parent is two names up.\n  _sg_release=$(readlink -f -- "$_sg_release")\n  _sg_release=${_sg_release%/*}\n  _sg_release=${_sg_release%/*}\n  _sg_release=${_sg_release:-/}\nelse\n  case $_sg_release in */*) _sg_release=${_sg_release%/*}/.. ;; *) _sg_release=.. ;; esac\n  # builtin: a user\'s cd function (one that lists, or runs hooks) must not run here, nor print into it.\n  _sg_release=$(CDPATH=\'\' builtin cd -P -- "$_sg_release" && builtin pwd -P)\nfi\nexport ' + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 20, "column": 9 }, "end": { "line": 20, "column": 13 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "envPrefix"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 20, "column": 7 }, "end": { "line": 20, "column": 33 } } })) + "_ENVIRONMENT=" + alias3(alias2(alias1(lookupProperty(depth0, "deployment"), "environment", { "start": { "line": 20, "column": 48 }, "end": { "line": 20, "column": 70 } }), depth0)) + "\nexport " + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 21, "column": 9 }, "end": { "line": 21, "column": 13 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "envPrefix"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 21, "column": 7 }, "end": { "line": 21, "column": 33 } } })) + "_ROOT=" + alias3(alias2(alias1(lookupProperty(depth0, "deployment"), "root", { "start": { "line": 21, "column": 41 }, "end": { "line": 21, "column": 56 } }), depth0)) + "\nexport " + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 22, "column": 9 }, "end": { "line": 22, "column": 13 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "envPrefix"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 22, "column": 7 }, "end": { "line": 22, "column": 33 } } })) + "_DATA=" + alias3(alias2(alias1(lookupProperty(depth0, "deployment"), "dataDir", { "start": { "line": 22, "column": 41 }, "end": { "line": 22, "column": 59 } }), depth0)) + "\nexport " + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 23, "column": 9 }, "end": { "line": 23, "column": 13 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "envPrefix"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 23, "column": 7 }, "end": { "line": 23, "column": 33 } } })) + '_RELEASE="$_sg_release"\n' + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 24, "column": 2 }, "end": { "line": 24, "column": 6 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "envPrefix"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 24, "column": 0 }, "end": { "line": 24, "column": 26 } } })) + "_REVISION=''\n# Its one line, as `$(cat \u2026)` gave it; a REVISION that cannot be opened still fails as it did.\n{ IFS= read -r " + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 26, "column": 17 }, "end": { "line": 26, "column": 21 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "envPrefix"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 26, "column": 15 }, "end": { "line": 26, "column": 41 } } })) + '_REVISION || :; } <"$_sg_release/REVISION"\nexport ' + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 27, "column": 9 }, "end": { "line": 27, "column": 13 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "envPrefix"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 27, "column": 7 }, "end": { "line": 27, "column": 33 } } })) + '_REVISION\nexport VIRTUAL_ENV_DISABLE_PROMPT=1\n# shellcheck disable=SC1091\nsource "$_sg_release/' + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 30, "column": 23 }, "end": { "line": 30, "column": 27 } })).call(alias4, lookupProperty(depth0, "renderedDir"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 30, "column": 21 }, "end": { "line": 30, "column": 41 } } })) + '/venv/bin/activate"\nexport PYTHONPATH="$_sg_release${PYTHONPATH:+:$PYTHONPATH}"\nunset _sg_release\n';
    }, "useData": true }
  },
  "sandbox-env.sh": {
    text: '# {{project.name}} developer sandbox environment, generated by slurm-gitops. Do not edit.\n# From your sandbox checkout (e.g. {{sandbox.root}}/$USER):  source {{deployment.root}}/sandbox-env.sh\n# Your code comes first on PYTHONPATH; your own .venv is used when present, else the {{deployment.environment}} venv.\n# Sandboxes read the development data.\n{{#each project.modules}}\nmodule load {{this}}\n{{/each}}\n# The release (or sandbox run) this file is in, resolved now (every symlink, `current` too): a deploy later\n# does not change which venv this shell gets. Builtins where they can: a process only to read a symlink\n# (the stable path).\n_sg_release=${BASH_SOURCE[0]}\nif [ -L "$_sg_release" ]; then\n  # Absolute, no symlink left: its directory\'s parent is two names up.\n  _sg_release=$(readlink -f -- "$_sg_release")\n  _sg_release=${_sg_release%/*}\n  _sg_release=${_sg_release%/*}\n  _sg_release=${_sg_release:-/}\nelse\n  case $_sg_release in */*) _sg_release=${_sg_release%/*}/.. ;; *) _sg_release=.. ;; esac\n  # builtin: a user\'s cd function (one that lists, or runs hooks) must not run here, nor print into it.\n  _sg_release=$(CDPATH=\'\' builtin cd -P -- "$_sg_release" && builtin pwd -P)\nfi\nexport {{word project.envPrefix}}_ENVIRONMENT=sandbox\nexport {{word project.envPrefix}}_SANDBOX="${ {{~word project.envPrefix}}_SANDBOX:-$PWD}"\nexport {{word project.envPrefix}}_DATA={{sandbox.dataDir}}\nexport VIRTUAL_ENV_DISABLE_PROMPT=1\nif [ -f "${{word project.envPrefix}}_SANDBOX/.venv/bin/activate" ]; then\n  # shellcheck disable=SC1091\n  source "${{word project.envPrefix}}_SANDBOX/.venv/bin/activate"\nelse\n  # shellcheck disable=SC1091\n  source "$_sg_release/{{word renderedDir}}/venv/bin/activate"\nfi\nexport PYTHONPATH="${{word project.envPrefix}}_SANDBOX${PYTHONPATH:+:$PYTHONPATH}"\nunset _sg_release\n',
    spec: { "0": function(container, depth0, helpers, partials, data) {
      return "module load " + container.escapeExpression(container.lambda(depth0, depth0)) + "\n";
    }, "compiler": [8, ">= 4.3.0"], "main": function(container, depth0, helpers, partials, data) {
      var stack1, alias1 = container.strict, alias2 = container.lambda, alias3 = container.escapeExpression, alias4 = depth0 != null ? depth0 : container.nullContext || {}, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return void 0;
      };
      return "# " + alias3(alias2(alias1(lookupProperty(depth0, "project"), "name", { "start": { "line": 1, "column": 4 }, "end": { "line": 1, "column": 16 } }), depth0)) + " developer sandbox environment, generated by slurm-gitops. Do not edit.\n# From your sandbox checkout (e.g. " + alias3(alias2(alias1(lookupProperty(depth0, "sandbox"), "root", { "start": { "line": 2, "column": 37 }, "end": { "line": 2, "column": 49 } }), depth0)) + "/$USER):  source " + alias3(alias2(alias1(lookupProperty(depth0, "deployment"), "root", { "start": { "line": 2, "column": 70 }, "end": { "line": 2, "column": 85 } }), depth0)) + "/sandbox-env.sh\n# Your code comes first on PYTHONPATH; your own .venv is used when present, else the " + alias3(alias2(alias1(lookupProperty(depth0, "deployment"), "environment", { "start": { "line": 3, "column": 87 }, "end": { "line": 3, "column": 109 } }), depth0)) + " venv.\n# Sandboxes read the development data.\n" + ((stack1 = lookupProperty(helpers, "each").call(alias4, lookupProperty(lookupProperty(depth0, "project"), "modules"), { "name": "each", "hash": {}, "fn": container.program(0, data, 0), "inverse": container.noop, "data": data, "loc": { "start": { "line": 5, "column": 0 }, "end": { "line": 7, "column": 9 } } })) != null ? stack1 : "") + '# The release (or sandbox run) this file is in, resolved now (every symlink, `current` too): a deploy later\n# does not change which venv this shell gets. Builtins where they can: a process only to read a symlink\n# (the stable path).\n_sg_release=${BASH_SOURCE[0]}\nif [ -L "$_sg_release" ]; then\n  # Absolute, no symlink left: its directory\'s parent is two names up.\n  _sg_release=$(readlink -f -- "$_sg_release")\n  _sg_release=${_sg_release%/*}\n  _sg_release=${_sg_release%/*}\n  _sg_release=${_sg_release:-/}\nelse\n  case $_sg_release in */*) _sg_release=${_sg_release%/*}/.. ;; *) _sg_release=.. ;; esac\n  # builtin: a user\'s cd function (one that lists, or runs hooks) must not run here, nor print into it.\n  _sg_release=$(CDPATH=\'\' builtin cd -P -- "$_sg_release" && builtin pwd -P)\nfi\nexport ' + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 23, "column": 9 }, "end": { "line": 23, "column": 13 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "envPrefix"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 23, "column": 7 }, "end": { "line": 23, "column": 33 } } })) + "_ENVIRONMENT=sandbox\nexport " + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 24, "column": 9 }, "end": { "line": 24, "column": 13 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "envPrefix"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 24, "column": 7 }, "end": { "line": 24, "column": 33 } } })) + '_SANDBOX="${' + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 24, "column": 49 }, "end": { "line": 24, "column": 53 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "envPrefix"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 24, "column": 46 }, "end": { "line": 24, "column": 73 } } })) + '_SANDBOX:-$PWD}"\nexport ' + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 25, "column": 9 }, "end": { "line": 25, "column": 13 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "envPrefix"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 25, "column": 7 }, "end": { "line": 25, "column": 33 } } })) + "_DATA=" + alias3(alias2(alias1(lookupProperty(depth0, "sandbox"), "dataDir", { "start": { "line": 25, "column": 41 }, "end": { "line": 25, "column": 56 } }), depth0)) + '\nexport VIRTUAL_ENV_DISABLE_PROMPT=1\nif [ -f "$' + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 27, "column": 12 }, "end": { "line": 27, "column": 16 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "envPrefix"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 27, "column": 10 }, "end": { "line": 27, "column": 36 } } })) + '_SANDBOX/.venv/bin/activate" ]; then\n  # shellcheck disable=SC1091\n  source "$' + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 29, "column": 13 }, "end": { "line": 29, "column": 17 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "envPrefix"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 29, "column": 11 }, "end": { "line": 29, "column": 37 } } })) + '_SANDBOX/.venv/bin/activate"\nelse\n  # shellcheck disable=SC1091\n  source "$_sg_release/' + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 32, "column": 25 }, "end": { "line": 32, "column": 29 } })).call(alias4, lookupProperty(depth0, "renderedDir"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 32, "column": 23 }, "end": { "line": 32, "column": 43 } } })) + '/venv/bin/activate"\nfi\nexport PYTHONPATH="$' + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 34, "column": 22 }, "end": { "line": 34, "column": 26 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "envPrefix"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 34, "column": 20 }, "end": { "line": 34, "column": 46 } } })) + '_SANDBOX${PYTHONPATH:+:$PYTHONPATH}"\nunset _sg_release\n';
    }, "useData": true }
  },
  "job.sh": {
    text: '#!/bin/bash\n# Scheduled job "{{job.name}}" of {{project.name}} {{deployment.environment}} (branch {{deployment.branch}}),\n# generated by slurm-gitops. scrontab runs it through {{job.stablePath}}.\n# `current` is resolved once, here: a deploy during a long run does not change the code under it.\nset -euo pipefail\nrelease="$(readlink -f {{deployment.root}}/current || true)"\n# Runs append to one log (a cron job keeps its job id from run to run): each starts with this line, first, so\n# that even a run that fails at once is found by `slurm-gitops logs` (job id, run of that id, start time).\necho "[$(date -Is)]" {{project.name}} {{deployment.environment}} {{job.name}}: "job ${SLURM_JOB_ID:-none} run $((${SLURM_RESTART_COUNT:-0} + 1)) on $(hostname), revision $(cat "$release/REVISION" 2>/dev/null || echo unknown)"\nlease={{deployment.root}}/leases/"${SLURM_JOB_ID:-$$}"\n# The lease tells the deploy\'s prune step which release this job runs, until the job ends.\nmkdir -p {{deployment.root}}/leases && printf \'%s\\n\' "$release" >"$lease"\ntrap \'rm -f "$lease"\' EXIT\n# shellcheck disable=SC1091\nsource "$release/{{word renderedDir}}/env.sh"\ncd "$release"\n{{code job.command}}\n',
    spec: { "compiler": [8, ">= 4.3.0"], "main": function(container, depth0, helpers, partials, data) {
      var alias1 = container.strict, alias2 = container.lambda, alias3 = container.escapeExpression, alias4 = depth0 != null ? depth0 : container.nullContext || {}, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return void 0;
      };
      return '#!/bin/bash\n# Scheduled job "' + alias3(alias2(alias1(lookupProperty(depth0, "job"), "name", { "start": { "line": 2, "column": 19 }, "end": { "line": 2, "column": 27 } }), depth0)) + '" of ' + alias3(alias2(alias1(lookupProperty(depth0, "project"), "name", { "start": { "line": 2, "column": 36 }, "end": { "line": 2, "column": 48 } }), depth0)) + " " + alias3(alias2(alias1(lookupProperty(depth0, "deployment"), "environment", { "start": { "line": 2, "column": 53 }, "end": { "line": 2, "column": 75 } }), depth0)) + " (branch " + alias3(alias2(alias1(lookupProperty(depth0, "deployment"), "branch", { "start": { "line": 2, "column": 88 }, "end": { "line": 2, "column": 105 } }), depth0)) + "),\n# generated by slurm-gitops. scrontab runs it through " + alias3(alias2(alias1(lookupProperty(depth0, "job"), "stablePath", { "start": { "line": 3, "column": 56 }, "end": { "line": 3, "column": 70 } }), depth0)) + '.\n# `current` is resolved once, here: a deploy during a long run does not change the code under it.\nset -euo pipefail\nrelease="$(readlink -f ' + alias3(alias2(alias1(lookupProperty(depth0, "deployment"), "root", { "start": { "line": 6, "column": 25 }, "end": { "line": 6, "column": 40 } }), depth0)) + '/current || true)"\n# Runs append to one log (a cron job keeps its job id from run to run): each starts with this line, first, so\n# that even a run that fails at once is found by `slurm-gitops logs` (job id, run of that id, start time).\necho "[$(date -Is)]" ' + alias3(alias2(alias1(lookupProperty(depth0, "project"), "name", { "start": { "line": 9, "column": 23 }, "end": { "line": 9, "column": 35 } }), depth0)) + " " + alias3(alias2(alias1(lookupProperty(depth0, "deployment"), "environment", { "start": { "line": 9, "column": 40 }, "end": { "line": 9, "column": 62 } }), depth0)) + " " + alias3(alias2(alias1(lookupProperty(depth0, "job"), "name", { "start": { "line": 9, "column": 67 }, "end": { "line": 9, "column": 75 } }), depth0)) + ': "job ${SLURM_JOB_ID:-none} run $((${SLURM_RESTART_COUNT:-0} + 1)) on $(hostname), revision $(cat "$release/REVISION" 2>/dev/null || echo unknown)"\nlease=' + alias3(alias2(alias1(lookupProperty(depth0, "deployment"), "root", { "start": { "line": 10, "column": 8 }, "end": { "line": 10, "column": 23 } }), depth0)) + '/leases/"${SLURM_JOB_ID:-$$}"\n# The lease tells the deploy\'s prune step which release this job runs, until the job ends.\nmkdir -p ' + alias3(alias2(alias1(lookupProperty(depth0, "deployment"), "root", { "start": { "line": 12, "column": 11 }, "end": { "line": 12, "column": 26 } }), depth0)) + `/leases && printf '%s\\n' "$release" >"$lease"
trap 'rm -f "$lease"' EXIT
# shellcheck disable=SC1091
source "$release/` + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 15, "column": 19 }, "end": { "line": 15, "column": 23 } })).call(alias4, lookupProperty(depth0, "renderedDir"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 15, "column": 17 }, "end": { "line": 15, "column": 37 } } })) + '/env.sh"\ncd "$release"\n' + alias3((lookupProperty(helpers, "code") || alias1(depth0, "code", { "start": { "line": 17, "column": 2 }, "end": { "line": 17, "column": 6 } })).call(alias4, lookupProperty(lookupProperty(depth0, "job"), "command"), { "name": "code", "hash": {}, "data": data, "loc": { "start": { "line": 17, "column": 0 }, "end": { "line": 17, "column": 20 } } })) + "\n";
    }, "useData": true }
  },
  "scrontab": {
    text: "{{code markers.begin}}\n# Managed by slurm-gitops from branch {{deployment.branch}}: this block is replaced on every deploy.\n{{#each deployment.jobs}}\n{{#unless enabled}}{{code @root.markers.disabled}}{{/unless}}#SCRON {{#each scronOptions}}{{word this}}{{#unless @last}} {{/unless}}{{/each}}\n{{#unless enabled}}{{code @root.markers.disabled}}{{/unless}}{{cron schedule}} {{stablePath}}\n{{/each}}\n{{code markers.end}}\n",
    spec: { "0": function(container, depth0, helpers, partials, data) {
      var stack1, helper, alias1 = depth0 != null ? depth0 : container.nullContext || {}, alias2 = container.strict, alias3 = container.escapeExpression, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return void 0;
      };
      return ((stack1 = lookupProperty(helpers, "unless").call(alias1, lookupProperty(depth0, "enabled"), { "name": "unless", "hash": {}, "fn": container.program(1, data, 0), "inverse": container.noop, "data": data, "loc": { "start": { "line": 4, "column": 0 }, "end": { "line": 4, "column": 61 } } })) != null ? stack1 : "") + "#SCRON " + ((stack1 = lookupProperty(helpers, "each").call(alias1, lookupProperty(depth0, "scronOptions"), { "name": "each", "hash": {}, "fn": container.program(2, data, 0), "inverse": container.noop, "data": data, "loc": { "start": { "line": 4, "column": 68 }, "end": { "line": 4, "column": 141 } } })) != null ? stack1 : "") + "\n" + ((stack1 = lookupProperty(helpers, "unless").call(alias1, lookupProperty(depth0, "enabled"), { "name": "unless", "hash": {}, "fn": container.program(1, data, 0), "inverse": container.noop, "data": data, "loc": { "start": { "line": 5, "column": 0 }, "end": { "line": 5, "column": 61 } } })) != null ? stack1 : "") + alias3((lookupProperty(helpers, "cron") || alias2(depth0, "cron", { "start": { "line": 5, "column": 63 }, "end": { "line": 5, "column": 67 } })).call(alias1, lookupProperty(depth0, "schedule"), { "name": "cron", "hash": {}, "data": data, "loc": { "start": { "line": 5, "column": 61 }, "end": { "line": 5, "column": 78 } } })) + " " + alias3((helper = lookupProperty(helpers, "stablePath") || alias2(depth0, "stablePath", { "start": { "line": 5, "column": 81 }, "end": { "line": 5, "column": 91 } }), typeof helper === "function" ? helper.call(alias1, { "name": "stablePath", "hash": {}, "data": data, "loc": { "start": { "line": 5, "column": 79 }, "end": { "line": 5, "column": 93 } } }) : helper)) + "\n";
    }, "1": function(container, depth0, helpers, partials, data) {
      var lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return void 0;
      };
      return container.escapeExpression((lookupProperty(helpers, "code") || container.strict(depth0, "code", { "start": { "line": 4, "column": 21 }, "end": { "line": 4, "column": 25 } })).call(depth0 != null ? depth0 : container.nullContext || {}, lookupProperty(lookupProperty(lookupProperty(data, "root"), "markers"), "disabled"), { "name": "code", "hash": {}, "data": data, "loc": { "start": { "line": 4, "column": 19 }, "end": { "line": 4, "column": 50 } } }));
    }, "2": function(container, depth0, helpers, partials, data) {
      var stack1, alias1 = depth0 != null ? depth0 : container.nullContext || {}, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return void 0;
      };
      return container.escapeExpression((lookupProperty(helpers, "word") || container.strict(depth0, "word", { "start": { "line": 4, "column": 92 }, "end": { "line": 4, "column": 96 } })).call(alias1, depth0, { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 4, "column": 90 }, "end": { "line": 4, "column": 103 } } })) + ((stack1 = lookupProperty(helpers, "unless").call(alias1, lookupProperty(data, "last"), { "name": "unless", "hash": {}, "fn": container.program(3, data, 0), "inverse": container.noop, "data": data, "loc": { "start": { "line": 4, "column": 103 }, "end": { "line": 4, "column": 132 } } })) != null ? stack1 : "");
    }, "3": function(container, depth0, helpers, partials, data) {
      return " ";
    }, "compiler": [8, ">= 4.3.0"], "main": function(container, depth0, helpers, partials, data) {
      var stack1, alias1 = container.strict, alias2 = depth0 != null ? depth0 : container.nullContext || {}, alias3 = container.escapeExpression, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return void 0;
      };
      return alias3((lookupProperty(helpers, "code") || alias1(depth0, "code", { "start": { "line": 1, "column": 2 }, "end": { "line": 1, "column": 6 } })).call(alias2, lookupProperty(lookupProperty(depth0, "markers"), "begin"), { "name": "code", "hash": {}, "data": data, "loc": { "start": { "line": 1, "column": 0 }, "end": { "line": 1, "column": 22 } } })) + "\n# Managed by slurm-gitops from branch " + alias3(container.lambda(alias1(lookupProperty(depth0, "deployment"), "branch", { "start": { "line": 2, "column": 40 }, "end": { "line": 2, "column": 57 } }), depth0)) + ": this block is replaced on every deploy.\n" + ((stack1 = lookupProperty(helpers, "each").call(alias2, lookupProperty(lookupProperty(depth0, "deployment"), "jobs"), { "name": "each", "hash": {}, "fn": container.program(0, data, 0), "inverse": container.noop, "data": data, "loc": { "start": { "line": 3, "column": 0 }, "end": { "line": 6, "column": 9 } } })) != null ? stack1 : "") + alias3((lookupProperty(helpers, "code") || alias1(depth0, "code", { "start": { "line": 7, "column": 2 }, "end": { "line": 7, "column": 6 } })).call(alias2, lookupProperty(lookupProperty(depth0, "markers"), "end"), { "name": "code", "hash": {}, "data": data, "loc": { "start": { "line": 7, "column": 0 }, "end": { "line": 7, "column": 20 } } })) + "\n";
    }, "useData": true }
  },
  "sandbox.sh": {
    text: `#!/bin/bash
# slurm-gitops: stage a sandbox test run of {{project.name}} on the login node.
# Runs once per SSH session as \`bash -s\`, like deploy.sh, after this run's values: SG_MODE (sandbox, or remove: the
# sandbox goes), SG_SHA (the commit), SG_BRANCH (a branch that brings the delta), SG_SANDBOX, SG_RUN (the run
# directory's name), SG_FORCE (remove: also while a job runs), SG_BUNDLE, SG_ACTOR, SG_RUN_URL, SG_NONCE. Nothing
# here runs the user's code: the job does, once the runner has submitted it.
set -Eeuo pipefail
exec 2>&1
umask 0022

# --- values of this project (the steps read them, none changes them)
SANDBOX_ROOT={{sandbox.root}}
REPOSITORY={{project.repository}}
SOURCE={{project.source}}
PYTHON={{project.python}}
REQUIREMENTS={{project.requirements}}
PIP_ARGS=({{quote-each project.pipArgs}})
KEEP_RUNS={{sandbox.keepRuns}}
LOCK_TIMEOUT={{project.lockTimeoutSeconds}}
RENDERED_DIR={{renderedDir}}
# Job names of this project's sandbox runs start with this (the run's own ends with SG_SANDBOX-SG_RUN).
JOB_PREFIX={{sandboxJobPrefix}}
# One mirror for every sandbox, fetched into under the sandboxes' staging lock; each run keeps its commit there.
MIRROR=$SANDBOX_ROOT/.mirror.git
BRANCH=$SG_BRANCH
KEEP_REF=refs/slurm-gitops/sandbox/$SG_SANDBOX/$SG_RUN
VENV_STORE={{project.venvStore}}
SANDBOX=$SANDBOX_ROOT/$SG_SANDBOX
RUN_DIR=$SANDBOX/runs/$SG_RUN
# Who may link into the store, for pruning it after a removal: every deployment's releases and the sandbox runs.
DEPLOYMENT_ROOTS=({{quote-each deploymentRoots}})
# A run lasts at most 24 h: a claim on a venv older than that is a leftover of a killed run.
LEFTOVER_MINUTES=1440

# --- state the steps share: declared once, here; each is set by the step named and read by later ones
SG_STEP=''        # runtime: the step now running ('' between steps)
SG_STEP_START=0   # runtime: when it began (ms since the epoch)
SG_DURATIONS=''   # runtime: name:ms of every step that ended
SG_FAILED_STEP='' # runtime: the step that failed
SG_EXIT_HOOKS=()  # runtime: what runs on exit, with the exit code (sg_at_exit)
SG_SKIP_REST=''   # runtime: set by a step that ends the run early and successfully: later steps do not run
SG_CONTAINED=''   # runtime: "<process group> <label>" of the user's command now running (sg_contained)
SG_BACKGROUND=()  # runtime: the process ids of the run's queries in the background, not waited for yet
SG_TMP=''         # staging-lock: this run's scratch directory under $SANDBOX_ROOT, removed on exit
VENV=''           # venv: the venv of the commit, in $VENV_STORE
SG_VENV_CLAIM=''  # venv: this run's claim on $VENV (pruning keeps claimed venvs), removed on exit

{{include "steps/runtime.sh"}}
{{include "steps/staging-lock.sh"}}
{{include "steps/fetch.sh"}}
{{include "steps/venv.sh"}}
{{include "steps/stage.sh"}}
{{include "steps/retention.sh"}}
{{include "steps/prune.sh"}}
{{include "steps/sandbox-remove.sh"}}
# --- what a sandbox run stages, in order; or what removing the sandbox does
trap sg_on_exit EXIT
sg_trap_signals
case $SG_MODE in
sandbox)
  run_step staging_lock
  run_step fetch
  run_step venv
  run_step stage
  run_step retention
  ;;
remove)
  run_step staging_lock
  run_step sandbox_remove
  ;;
*) sg_die "unknown mode $SG_MODE" 2 ;;
esac
`,
    spec: { "compiler": [8, ">= 4.3.0"], "main": function(container, depth0, helpers, partials, data) {
      var helper, alias1 = container.strict, alias2 = container.lambda, alias3 = container.escapeExpression, alias4 = depth0 != null ? depth0 : container.nullContext || {}, alias5 = "function", lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return void 0;
      };
      return "#!/bin/bash\n# slurm-gitops: stage a sandbox test run of " + alias3(alias2(alias1(lookupProperty(depth0, "project"), "name", { "start": { "line": 2, "column": 46 }, "end": { "line": 2, "column": 58 } }), depth0)) + " on the login node.\n# Runs once per SSH session as `bash -s`, like deploy.sh, after this run's values: SG_MODE (sandbox, or remove: the\n# sandbox goes), SG_SHA (the commit), SG_BRANCH (a branch that brings the delta), SG_SANDBOX, SG_RUN (the run\n# directory's name), SG_FORCE (remove: also while a job runs), SG_BUNDLE, SG_ACTOR, SG_RUN_URL, SG_NONCE. Nothing\n# here runs the user's code: the job does, once the runner has submitted it.\nset -Eeuo pipefail\nexec 2>&1\numask 0022\n\n# --- values of this project (the steps read them, none changes them)\nSANDBOX_ROOT=" + alias3(alias2(alias1(lookupProperty(depth0, "sandbox"), "root", { "start": { "line": 12, "column": 15 }, "end": { "line": 12, "column": 27 } }), depth0)) + "\nREPOSITORY=" + alias3(alias2(alias1(lookupProperty(depth0, "project"), "repository", { "start": { "line": 13, "column": 13 }, "end": { "line": 13, "column": 31 } }), depth0)) + "\nSOURCE=" + alias3(alias2(alias1(lookupProperty(depth0, "project"), "source", { "start": { "line": 14, "column": 9 }, "end": { "line": 14, "column": 23 } }), depth0)) + "\nPYTHON=" + alias3(alias2(alias1(lookupProperty(depth0, "project"), "python", { "start": { "line": 15, "column": 9 }, "end": { "line": 15, "column": 23 } }), depth0)) + "\nREQUIREMENTS=" + alias3(alias2(alias1(lookupProperty(depth0, "project"), "requirements", { "start": { "line": 16, "column": 15 }, "end": { "line": 16, "column": 35 } }), depth0)) + "\nPIP_ARGS=(" + alias3((lookupProperty(helpers, "quote-each") || alias1(depth0, "quote-each", { "start": { "line": 17, "column": 12 }, "end": { "line": 17, "column": 22 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "pipArgs"), { "name": "quote-each", "hash": {}, "data": data, "loc": { "start": { "line": 17, "column": 10 }, "end": { "line": 17, "column": 40 } } })) + ")\nKEEP_RUNS=" + alias3(alias2(alias1(lookupProperty(depth0, "sandbox"), "keepRuns", { "start": { "line": 18, "column": 12 }, "end": { "line": 18, "column": 28 } }), depth0)) + "\nLOCK_TIMEOUT=" + alias3(alias2(alias1(lookupProperty(depth0, "project"), "lockTimeoutSeconds", { "start": { "line": 19, "column": 15 }, "end": { "line": 19, "column": 41 } }), depth0)) + "\nRENDERED_DIR=" + alias3((helper = lookupProperty(helpers, "renderedDir") || alias1(depth0, "renderedDir", { "start": { "line": 20, "column": 15 }, "end": { "line": 20, "column": 26 } }), typeof helper === alias5 ? helper.call(alias4, { "name": "renderedDir", "hash": {}, "data": data, "loc": { "start": { "line": 20, "column": 13 }, "end": { "line": 20, "column": 28 } } }) : helper)) + "\n# Job names of this project's sandbox runs start with this (the run's own ends with SG_SANDBOX-SG_RUN).\nJOB_PREFIX=" + alias3((helper = lookupProperty(helpers, "sandboxJobPrefix") || alias1(depth0, "sandboxJobPrefix", { "start": { "line": 22, "column": 13 }, "end": { "line": 22, "column": 29 } }), typeof helper === alias5 ? helper.call(alias4, { "name": "sandboxJobPrefix", "hash": {}, "data": data, "loc": { "start": { "line": 22, "column": 11 }, "end": { "line": 22, "column": 31 } } }) : helper)) + "\n# One mirror for every sandbox, fetched into under the sandboxes' staging lock; each run keeps its commit there.\nMIRROR=$SANDBOX_ROOT/.mirror.git\nBRANCH=$SG_BRANCH\nKEEP_REF=refs/slurm-gitops/sandbox/$SG_SANDBOX/$SG_RUN\nVENV_STORE=" + alias3(alias2(alias1(lookupProperty(depth0, "project"), "venvStore", { "start": { "line": 27, "column": 13 }, "end": { "line": 27, "column": 30 } }), depth0)) + "\nSANDBOX=$SANDBOX_ROOT/$SG_SANDBOX\nRUN_DIR=$SANDBOX/runs/$SG_RUN\n# Who may link into the store, for pruning it after a removal: every deployment's releases and the sandbox runs.\nDEPLOYMENT_ROOTS=(" + alias3((lookupProperty(helpers, "quote-each") || alias1(depth0, "quote-each", { "start": { "line": 31, "column": 20 }, "end": { "line": 31, "column": 30 } })).call(alias4, lookupProperty(depth0, "deploymentRoots"), { "name": "quote-each", "hash": {}, "data": data, "loc": { "start": { "line": 31, "column": 18 }, "end": { "line": 31, "column": 48 } } })) + `)
# A run lasts at most 24 h: a claim on a venv older than that is a leftover of a killed run.
LEFTOVER_MINUTES=1440

# --- state the steps share: declared once, here; each is set by the step named and read by later ones
SG_STEP=''        # runtime: the step now running ('' between steps)
SG_STEP_START=0   # runtime: when it began (ms since the epoch)
SG_DURATIONS=''   # runtime: name:ms of every step that ended
SG_FAILED_STEP='' # runtime: the step that failed
SG_EXIT_HOOKS=()  # runtime: what runs on exit, with the exit code (sg_at_exit)
SG_SKIP_REST=''   # runtime: set by a step that ends the run early and successfully: later steps do not run
SG_CONTAINED=''   # runtime: "<process group> <label>" of the user's command now running (sg_contained)
SG_BACKGROUND=()  # runtime: the process ids of the run's queries in the background, not waited for yet
SG_TMP=''         # staging-lock: this run's scratch directory under $SANDBOX_ROOT, removed on exit
VENV=''           # venv: the venv of the commit, in $VENV_STORE
SG_VENV_CLAIM=''  # venv: this run's claim on $VENV (pruning keeps claimed venvs), removed on exit

` + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 48, "column": 2 }, "end": { "line": 48, "column": 9 } })).call(alias4, "steps/runtime.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 48, "column": 0 }, "end": { "line": 48, "column": 30 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 49, "column": 2 }, "end": { "line": 49, "column": 9 } })).call(alias4, "steps/staging-lock.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 49, "column": 0 }, "end": { "line": 49, "column": 35 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 50, "column": 2 }, "end": { "line": 50, "column": 9 } })).call(alias4, "steps/fetch.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 50, "column": 0 }, "end": { "line": 50, "column": 28 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 51, "column": 2 }, "end": { "line": 51, "column": 9 } })).call(alias4, "steps/venv.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 51, "column": 0 }, "end": { "line": 51, "column": 27 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 52, "column": 2 }, "end": { "line": 52, "column": 9 } })).call(alias4, "steps/stage.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 52, "column": 0 }, "end": { "line": 52, "column": 28 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 53, "column": 2 }, "end": { "line": 53, "column": 9 } })).call(alias4, "steps/retention.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 53, "column": 0 }, "end": { "line": 53, "column": 32 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 54, "column": 2 }, "end": { "line": 54, "column": 9 } })).call(alias4, "steps/prune.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 54, "column": 0 }, "end": { "line": 54, "column": 28 } } })) + "\n" + alias3((lookupProperty(helpers, "include") || alias1(depth0, "include", { "start": { "line": 55, "column": 2 }, "end": { "line": 55, "column": 9 } })).call(alias4, "steps/sandbox-remove.sh", { "name": "include", "hash": {}, "data": data, "loc": { "start": { "line": 55, "column": 0 }, "end": { "line": 55, "column": 37 } } })) + '\n# --- what a sandbox run stages, in order; or what removing the sandbox does\ntrap sg_on_exit EXIT\nsg_trap_signals\ncase $SG_MODE in\nsandbox)\n  run_step staging_lock\n  run_step fetch\n  run_step venv\n  run_step stage\n  run_step retention\n  ;;\nremove)\n  run_step staging_lock\n  run_step sandbox_remove\n  ;;\n*) sg_die "unknown mode $SG_MODE" 2 ;;\nesac\n';
    }, "useData": true }
  },
  "sandbox-job.sh": {
    text: '#!/bin/bash\n# Sandbox test job of {{project.name}}, generated by slurm-gitops into a sandbox run directory and submitted from\n# there (sbatch --chdir=<run dir>; partition, time and job name on sbatch\'s command line). Runs the run\'s code, with\n# the run\'s venv, on the development data.\nset -euo pipefail\nexport {{word project.envPrefix}}_SANDBOX="${SLURM_SUBMIT_DIR:-$PWD}"\n# shellcheck disable=SC1091\nsource "${{word project.envPrefix}}_SANDBOX"/{{renderedDir}}/sandbox-env.sh\ncd "${{word project.envPrefix}}_SANDBOX"\necho "[$(date -Is)]" {{project.name}} sandbox: "job ${SLURM_JOB_ID:-none} on $(hostname) in ${{word project.envPrefix}}_SANDBOX"\n{{code sandbox.command}}\n',
    spec: { "compiler": [8, ">= 4.3.0"], "main": function(container, depth0, helpers, partials, data) {
      var helper, alias1 = container.strict, alias2 = container.lambda, alias3 = container.escapeExpression, alias4 = depth0 != null ? depth0 : container.nullContext || {}, lookupProperty = container.lookupProperty || function(parent, propertyName) {
        if (Object.prototype.hasOwnProperty.call(parent, propertyName)) {
          return parent[propertyName];
        }
        return void 0;
      };
      return "#!/bin/bash\n# Sandbox test job of " + alias3(alias2(alias1(lookupProperty(depth0, "project"), "name", { "start": { "line": 2, "column": 24 }, "end": { "line": 2, "column": 36 } }), depth0)) + ", generated by slurm-gitops into a sandbox run directory and submitted from\n# there (sbatch --chdir=<run dir>; partition, time and job name on sbatch's command line). Runs the run's code, with\n# the run's venv, on the development data.\nset -euo pipefail\nexport " + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 6, "column": 9 }, "end": { "line": 6, "column": 13 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "envPrefix"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 6, "column": 7 }, "end": { "line": 6, "column": 33 } } })) + '_SANDBOX="${SLURM_SUBMIT_DIR:-$PWD}"\n# shellcheck disable=SC1091\nsource "$' + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 8, "column": 11 }, "end": { "line": 8, "column": 15 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "envPrefix"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 8, "column": 9 }, "end": { "line": 8, "column": 35 } } })) + '_SANDBOX"/' + alias3((helper = lookupProperty(helpers, "renderedDir") || alias1(depth0, "renderedDir", { "start": { "line": 8, "column": 47 }, "end": { "line": 8, "column": 58 } }), typeof helper === "function" ? helper.call(alias4, { "name": "renderedDir", "hash": {}, "data": data, "loc": { "start": { "line": 8, "column": 45 }, "end": { "line": 8, "column": 60 } } }) : helper)) + '/sandbox-env.sh\ncd "$' + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 9, "column": 7 }, "end": { "line": 9, "column": 11 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "envPrefix"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 9, "column": 5 }, "end": { "line": 9, "column": 31 } } })) + '_SANDBOX"\necho "[$(date -Is)]" ' + alias3(alias2(alias1(lookupProperty(depth0, "project"), "name", { "start": { "line": 10, "column": 23 }, "end": { "line": 10, "column": 35 } }), depth0)) + ' sandbox: "job ${SLURM_JOB_ID:-none} on $(hostname) in $' + alias3((lookupProperty(helpers, "word") || alias1(depth0, "word", { "start": { "line": 10, "column": 95 }, "end": { "line": 10, "column": 99 } })).call(alias4, lookupProperty(lookupProperty(depth0, "project"), "envPrefix"), { "name": "word", "hash": {}, "data": data, "loc": { "start": { "line": 10, "column": 93 }, "end": { "line": 10, "column": 119 } } })) + '_SANDBOX"\n' + alias3((lookupProperty(helpers, "code") || alias1(depth0, "code", { "start": { "line": 11, "column": 2 }, "end": { "line": 11, "column": 6 } })).call(alias4, lookupProperty(lookupProperty(depth0, "sandbox"), "command"), { "name": "code", "hash": {}, "data": data, "loc": { "start": { "line": 11, "column": 0 }, "end": { "line": 11, "column": 24 } } })) + "\n";
    }, "useData": true }
  }
};

// src/plan/plan.ts
async function compileTemplates(templates, precompiled = precompiledTemplates) {
  const includes = Object.fromEntries(STEP_FILES.map((name) => [name, templates[name]]));
  const compiled = {};
  for (const name of TEMPLATE_NAMES) {
    compiled[name] = await compiledTemplate(templates[name], includes, precompiled[name]);
  }
  return compiled;
}
async function planDeployments(config, templates, branches) {
  const compiled = await compileTemplates(templates);
  const selected = branches ?? config.deployments.map((d) => d.branch);
  return selected.map((branch) => planDeployment(config, deploymentFor(config, branch), compiled));
}
function deploymentFor(config, branch) {
  const deployment = config.deployments.find((d) => d.branch === branch);
  if (!deployment) {
    const known = config.deployments.map((d) => d.branch).join(", ");
    throw new UserError({
      where: "branch",
      message: `no deployment for branch "${branch}" in ${config.file} (deployments: ${known})`
    });
  }
  return deployment;
}
function planDeployment(config, deployment, templates) {
  const context = templateContext(config, deployment);
  const files = [];
  const add = (path, mode, content) => files.push({ path, mode, content: endLine(content) });
  add("env.sh", 420, templates["env.sh"](context));
  add("sandbox-env.sh", 420, templates["sandbox-env.sh"](context));
  for (const job of deployment.jobs) {
    const jobData = jobContext(config, deployment, job);
    add(`jobs/${job.name}.sh`, 493, templates["job.sh"]({ ...context, job: jobData }));
    add(`jobs/${job.name}.options`, 420, jobData.scronOptions.join("\n"));
  }
  const scrontabBlock = endLine(templates.scrontab(context));
  add("scrontab", 420, scrontabBlock);
  const renderHash = hashFiles(files);
  const script = templates["deploy.sh"]({ ...context, renderHash });
  return {
    branch: deployment.branch,
    environment: deployment.environment,
    root: deployment.root,
    files,
    script,
    scrontabBlock,
    inputs: [],
    fingerprint: renderHash,
    schedule: {
      timezone: config.cluster.timezone,
      jobs: deployment.jobs.map((job) => ({
        name: job.name,
        cron: job.schedule,
        partition: deployment.partition,
        time: job.time,
        sbatch: job.sbatch
      }))
    }
  };
}
var endLine = (text) => text.endsWith("\n") ? text : `${text}
`;
var DISABLED_PREFIX = "#DISABLED: ";
function blockMarkers(config, deployment) {
  const id = `${config.project.name} ${deployment.environment}`;
  return {
    begin: `# >>> slurm-gitops ${id} >>>`,
    end: `# <<< slurm-gitops ${id} <<<`,
    disabled: DISABLED_PREFIX
  };
}
function jobPrefix(config, deployment) {
  return `${config.project.name}-${deployment.environment}-`;
}
function scronOptions(config, deployment, job) {
  return [
    `--partition=${deployment.partition}`,
    `--time=${job.time}`,
    `--job-name=${jobPrefix(config, deployment)}${job.name}`,
    // A cron job keeps one job id across runs, so runs append to one log per job.
    `--output=${deployment.root}/logs/${job.name}.out`,
    "--open-mode=append",
    ...job.sbatch
  ];
}
function templateContext(config, deployment) {
  const partitions = [.../* @__PURE__ */ new Set([deployment.partition, config.sandbox.partition])];
  return {
    project: { ...config.project },
    deployment: {
      branch: deployment.branch,
      environment: deployment.environment,
      partition: deployment.partition,
      dataDir: deployment.dataDir,
      root: deployment.root,
      jobs: deployment.jobs.map((job) => jobContext(config, deployment, job))
    },
    sandbox: {
      ...config.sandbox,
      command: config.sandbox.command ?? deployment.jobs[0]?.command ?? config.project.smokeCommand
    },
    partitions,
    jobNames: deployment.jobs.map((job) => job.name),
    jobPrefix: jobPrefix(config, deployment),
    markers: blockMarkers(config, deployment),
    renderedDir: RENDERED_DIR,
    sandboxJobPrefix: sandboxJobPrefix(config.project.name),
    // Every deployment's releases may link into the project's venv store: pruning it counts them all.
    deploymentRoots: config.deployments.map((d) => d.root)
  };
}
function jobContext(config, deployment, job) {
  return {
    ...job,
    stablePath: `${deployment.root}/jobs/${job.name}.sh`,
    scronOptions: scronOptions(config, deployment, job)
  };
}
function hashFiles(files) {
  const hash = createHash("sha256");
  for (const file of files) hash.update(`${file.path}\0${file.mode}\0${file.content}\0`);
  return hash.digest("hex").slice(0, 16);
}

export {
  compileTemplates,
  planDeployments,
  planDeployment,
  endLine,
  DISABLED_PREFIX,
  templateContext
};
