// The action's entry (action.yml runs dist/index.js).
import { run } from './action/main.js'

await run()
// Exit now, with the code core.setFailed chose: a socket left open (SSH, keep-alive HTTP) must not keep the
// step running (as actions/cache does).
process.exit()
