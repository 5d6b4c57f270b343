import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// src/deploy/bundle.ts
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { randomBytes } from "node:crypto";
var run = promisify(execFile);
async function sendBundle(repoDir, sha, transport) {
  const id = randomBytes(8).toString("hex");
  const ref = `refs/slurm-gitops/${sha}`;
  const dir = await mkdtemp(path.join(tmpdir(), "slurm-gitops-bundle-"));
  const file = path.join(dir, `${sha}.bundle`);
  try {
    await run("git", ["-C", repoDir, "update-ref", ref, sha]);
    try {
      await run("git", ["-C", repoDir, "bundle", "create", "--quiet", file, ref]);
    } finally {
      await run("git", ["-C", repoDir, "update-ref", "-d", ref]);
    }
    const remote = `/tmp/slurm-gitops-${id}.bundle`;
    await transport.putFile(file, remote);
    return remote;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export {
  sendBundle
};
