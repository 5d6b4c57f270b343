// The action's entry: main and post are the same bundle (action.yml runs dist/index.js for both); the main
// step leaves the IsPost state, so the post step knows which one it is (as actions/checkout does).
import * as core from '@actions/core'
import { State } from './action/constants.js'
import { run, runPost } from './action/main.js'

if (core.getState(State.IsPost) === 'true') {
  await runPost()
} else {
  core.saveState(State.IsPost, 'true')
  await run()
}
// Exit now, with the code core.setFailed chose: a socket left open (SSH, keep-alive HTTP) must not keep the
// step running (as actions/cache does).
process.exit()
