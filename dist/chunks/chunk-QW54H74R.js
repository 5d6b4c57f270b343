import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  parseConfigYaml,
  readConfigYaml,
  require_dist
} from "./chunk-TXP6LEHF.js";
import {
  STEP_FILES,
  configSchema
} from "./chunk-WL4CDPLR.js";
import {
  UserError,
  formatPath
} from "./chunk-NPKQP7SB.js";
import {
  __toESM
} from "./chunk-M7CMLPS4.js";

// src/config/load.ts
var import_yaml = __toESM(require_dist(), 1);

// src/config/resolve.ts
function resolveConfig(raw, file) {
  const pkg = raw.project.package ?? raw.project.name.replace(/-/g, "_");
  const project = {
    ...raw.project,
    package: pkg,
    smokeCommand: raw.project.smokeCommand ?? `python -c 'import ${pkg}'`,
    envPrefix: raw.project.envPrefix ?? raw.project.name.toUpperCase().replace(/-/g, "_"),
    venvStore: `${raw.project.root}/venvs`
  };
  const deployments = Object.entries(raw.deployments).map(([branch, deployment]) => ({
    ...deployment,
    branch,
    root: deployment.root ?? `${raw.project.root}/${deployment.environment}`
  }));
  const sandbox = {
    ...raw.sandbox,
    root: raw.sandbox.root ?? `${raw.project.root}/sandboxes`,
    // The schema guarantees a development deployment exists when dataDir is not given.
    dataDir: raw.sandbox.dataDir ?? deployments.find((d) => d.environment === "development")?.dataDir ?? raw.project.root
  };
  checkRootsDistinct(deployments, sandbox.root, project.venvStore, file);
  return { file, cluster: raw.cluster, project, deployments, sandbox, templates: raw.templates };
}
function checkRootsDistinct(deployments, sandboxRoot, venvStore, file) {
  const owners = /* @__PURE__ */ new Map([
    [sandboxRoot, "sandbox.root"],
    [venvStore, "the project's venv store"]
  ]);
  for (const deployment of deployments) {
    const owner = owners.get(deployment.root);
    const where = `deployments.${deployment.branch}.root`;
    if (owner) {
      throw new UserError({
        where,
        message: `${deployment.root} is also used by ${owner}; each deployment needs its own directory`,
        location: { file }
      });
    }
    owners.set(deployment.root, where);
  }
}

// src/config/load.ts
async function readConfig(read, configPath) {
  return validateConfig(await readConfigYaml(read, configPath));
}
function parseConfig(text, file) {
  return validateConfig(parseConfigYaml(text, file));
}
function validateConfig({ file, data, document, lineCounter }) {
  const result = configSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.flatMap((issue) => {
      const keys = issue.code === "unrecognized_keys" ? issue.keys : [void 0];
      return keys.map((key) => {
        const path = key === void 0 ? issue.path : [...issue.path, key];
        return {
          where: formatPath(path) || "config",
          message: key === void 0 ? describeIssue(issue) : unknownKeyMessage(path),
          location: { file, line: lineOf(document, lineCounter, path) }
        };
      });
    });
    throw new UserError(problems);
  }
  return resolveConfig(result.data, file);
}
function describeIssue(issue) {
  if (issue.code === "invalid_type" && issue.message.includes("received undefined")) return "is required";
  if (issue.code === "invalid_key" && issue.issues?.[0]) return issue.issues[0].message;
  return issue.message.replace(/^Invalid input: /, "");
}
function unknownKeyMessage(path) {
  const key = String(path[path.length - 1]);
  if (path.length === 2 && path[0] === "templates") {
    if (key.startsWith("steps/")) {
      return `unknown step file "${key}"; the step files are ${STEP_FILES.join(", ")}`;
    }
    if (STEP_FILES.includes(`steps/${key}`)) {
      return `unknown template "${key}"; a step file is named with its folder: steps/${key}`;
    }
  }
  return `unknown key "${key}" (check the spelling; see the config reference in the README)`;
}
function lineOf(document, lineCounter, path) {
  let node = document.contents;
  let line;
  const lineFrom = (n) => {
    const range = n?.range;
    return range ? lineCounter.linePos(range[0]).line : void 0;
  };
  line = lineFrom(node);
  for (const key of path) {
    if ((0, import_yaml.isMap)(node)) {
      const pair = node.items.find((item) => item.key?.value === key);
      if (!pair) break;
      line = lineFrom(pair.key) ?? line;
      node = pair.value;
    } else if ((0, import_yaml.isSeq)(node) && typeof key === "number") {
      node = node.items[key];
      line = lineFrom(node) ?? line;
    } else {
      break;
    }
  }
  return line;
}

export {
  readConfig,
  parseConfig,
  validateConfig
};
