import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/cache/cache-dir.ts
import { homedir } from "node:os";
import path from "node:path";
function userCacheDir(part, env = process.env) {
  const base = env.SLURM_GITOPS_CACHE_DIR || path.join(env.XDG_CACHE_HOME || path.join(homedir(), ".cache"), "slurm-gitops");
  return path.join(base, part);
}

export {
  userCacheDir
};
