import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  checkHost,
  checkPort,
  checkUnixUser
} from "./chunk-QU7PBZDS.js";

// src/config/endpoint.ts
var DEFAULT_SSH_PORT = 22;
var DEFAULT_CONNECT_TIMEOUT_SECONDS = 20;
var MAX_CONNECT_TIMEOUT_SECONDS = 300;
function clusterEndpoint(data) {
  const cluster = mapping(data.cluster);
  const target = cluster && address(cluster);
  if (!cluster || !target) return void 0;
  const jump = cluster.jump === void 0 ? void 0 : mapping(cluster.jump);
  const jumpTarget = jump && address(jump);
  if (cluster.jump !== void 0 && !jumpTarget) return void 0;
  const timeout = valueOr(cluster.connectTimeoutSeconds, DEFAULT_CONNECT_TIMEOUT_SECONDS);
  if (typeof timeout !== "number" || !Number.isInteger(timeout)) return void 0;
  if (timeout < 1 || timeout > MAX_CONNECT_TIMEOUT_SECONDS) return void 0;
  return { ...target, jump: jumpTarget, connectTimeoutSeconds: timeout };
}
function namesDeployments(data, branches) {
  const deployments = mapping(data.deployments);
  return branches.every((branch) => deployments !== void 0 && Object.hasOwn(deployments, branch));
}
function address(section) {
  const { host, user } = section;
  const port = valueOr(section.port, DEFAULT_SSH_PORT);
  if (typeof host !== "string" || checkHost(host) !== null) return void 0;
  if (typeof port !== "number" || checkPort(port) !== null) return void 0;
  if (typeof user !== "string" || checkUnixUser(user) !== null) return void 0;
  return { host, port, user };
}
function valueOr(value, fallback) {
  return value === void 0 ? fallback : value;
}
function mapping(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : void 0;
}

export {
  DEFAULT_SSH_PORT,
  DEFAULT_CONNECT_TIMEOUT_SECONDS,
  MAX_CONNECT_TIMEOUT_SECONDS,
  clusterEndpoint,
  namesDeployments
};
