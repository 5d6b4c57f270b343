import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/config/sandbox-deployment.ts
function sandboxDeployment(config) {
  return config.deployments.find((d) => d.environment === "development") ?? config.deployments[0];
}

export {
  sandboxDeployment
};
