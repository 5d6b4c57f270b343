import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  loadTemplates,
  readConfig
} from "./chunk-GITBT6ZC.js";
import {
  planDeployments
} from "./chunk-LQAKXK4E.js";

// src/plan/plan-repository.ts
async function loadRepository(read, configPath) {
  const config = await readConfig(read, configPath);
  return { config, templates: await loadTemplates(config.templates, read) };
}
async function planRepository(read, configPath, branches) {
  const { config, templates } = await loadRepository(read, configPath);
  const inputs = await planInputs(read, config);
  const plans = (await planDeployments(config, templates, branches)).map((plan) => ({ ...plan, inputs }));
  return { config, plans };
}
async function planInputs(read, config) {
  const requirements = await read(config.project.requirements);
  return requirements === void 0 ? [] : [{ path: config.project.requirements, mode: 420, content: requirements }];
}

export {
  planRepository,
  planInputs
};
