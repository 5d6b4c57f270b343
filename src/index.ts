// The action's entry: main and post are the same bundle (action.yml runs dist/index.js for both); the main
// step leaves the IsPost state, so the post step knows which one it is (as actions/checkout does). Only
// @actions/core loads here: each step imports what it runs (see main.ts), so the post step of a deploy, which
// has nothing to do, loads next to nothing.
import * as core from '@actions/core'
import { State } from './action/constants.js'

if (core.getState(State.IsPost) === 'true') {
  const { runPost } = await import('./action/main.js')
  await runPost()
} else {
  core.saveState(State.IsPost, 'true')
  const { run } = await import('./action/main.js')
  await run()
}
// Exit now, with the code core.setFailed chose: a socket left open (SSH, keep-alive HTTP) must not keep the
// step running (as actions/cache does).
process.exit()
