import { createRequire as __sgCreateRequire } from 'node:module';
import { fileURLToPath as __sgFileURLToPath } from 'node:url';
import { dirname as __sgDirname } from 'node:path';
const require = __sgCreateRequire(import.meta.url);
const __filename = __sgFileURLToPath(import.meta.url);
const __dirname = __sgDirname(__filename);
import {
  readerAt
} from "./chunk-NFCLPTYC.js";
import {
  clusterEndpoint,
  namesDeployments
} from "./chunk-FDVLX437.js";
import {
  UserError
} from "./chunk-NPKQP7SB.js";

// src/exec/cancel-on-signal.ts
async function cancelOnSignal(run) {
  const abort = new AbortController();
  const cancel = () => abort.abort();
  process.on("SIGINT", cancel);
  process.on("SIGTERM", cancel);
  try {
    return await run(abort.signal);
  } finally {
    process.off("SIGINT", cancel);
    process.off("SIGTERM", cancel);
  }
}

// src/operations/connection.ts
import { readFile } from "node:fs/promises";
async function transportSettings(cluster, request) {
  if (request.local) return { kind: "local" };
  const { names } = request;
  const host = request.host ?? cluster.host;
  const port = request.port ?? cluster.port;
  const privateKey = await readSecret(request.privateKey, names.privateKey);
  if (!privateKey)
    throw new UserError({ where: names.privateKey, message: "is required to connect over SSH" });
  const knownHosts = await readSecret(request.knownHosts, names.knownHosts);
  if (!knownHosts?.trim()) {
    throw new UserError({
      where: names.knownHosts,
      message: `is required: strict host key checking needs the cluster's host key (ssh-keyscan -p ${port} ${host}, verified out of band)`
    });
  }
  return {
    kind: "ssh",
    host,
    port,
    username: clusterUser(cluster, request),
    privateKey,
    passphrase: await readSecret(request.passphrase, names.passphrase),
    knownHosts,
    jump: cluster.jump ? { host: cluster.jump.host, port: cluster.jump.port, username: cluster.jump.user } : void 0,
    connectTimeoutSeconds: request.connectTimeoutSeconds ?? cluster.connectTimeoutSeconds,
    inputNames: names
  };
}
function clusterUser(cluster, request) {
  return request.user ?? cluster.user;
}
async function readSecret(source, where) {
  if (!source) return void 0;
  if ("text" in source) return source.text;
  try {
    return await readFile(source.file, "utf8");
  } catch (error) {
    const code = error.code ?? String(error);
    throw new UserError({ where, message: `cannot read ${source.file} (${code})` });
  }
}
var TCP_CONNECT_WAIT_MS = 25;
async function openConnection(cluster, request, warn) {
  const settings = transportSettings(cluster, request);
  settings.catch(() => void 0);
  const connect = async (signal) => {
    const { connectTransport } = await loadTransports();
    return connectTransport(await settings, { warn, signal });
  };
  const giveUp = new AbortController();
  let tcpConnected;
  const tcp = new Promise((resolve) => tcpConnected = resolve);
  const { first } = await Promise.all([settings, loadTransports()]).then(
    ([resolved, { connectTransport }]) => ({
      first: connectTransport(resolved, { warn, signal: giveUp.signal, onTcpConnected: tcpConnected })
    }),
    (error) => ({ first: Promise.reject(error) })
  );
  first.catch(() => void 0);
  await settled([tcp, first], TCP_CONNECT_WAIT_MS);
  const connection = {
    async afterChecks(checks) {
      let checked;
      try {
        checked = await checks();
      } catch (error) {
        await connection.giveUp();
        throw error;
      }
      return { checked, transport: await first };
    },
    async giveUp() {
      giveUp.abort();
      await first.then(
        (transport) => transport.close(),
        () => void 0
      );
    },
    connect: () => connect()
  };
  return connection;
}
var transports;
function loadTransports() {
  transports ??= import("./connect-WMRNNIV2.js");
  return transports;
}
function preloadTransports() {
  loadTransports().catch(() => void 0);
}
async function settled(promises, ms) {
  let timer;
  const done = () => void 0;
  await Promise.race([
    ...promises.map((p) => p.then(done, done)),
    new Promise((resolve) => timer = setTimeout(resolve, ms))
  ]);
  clearTimeout(timer);
}

// src/operations/run-start.ts
async function startRun(repo, at, request, io, branches = []) {
  preloadTransports();
  const parser = import("./parse-yaml-N7542ZFK.js");
  const read = await readerAt(repo, await at, io.log);
  const yaml = await (await parser).readConfigYaml(read, repo.configPath);
  const endpoint = namesDeployments(yaml.data, branches) ? clusterEndpoint(yaml.data) : void 0;
  const early = endpoint && await openConnection(endpoint, request, io.warn);
  let config;
  try {
    config = await validated(yaml);
  } catch (error) {
    await early?.giveUp();
    throw error;
  }
  let connection = early && Promise.resolve(early);
  return {
    config,
    read,
    connection: () => connection ??= openConnection(config.cluster, request, io.warn),
    plans: async (deployments, warn) => (await loadPlanChecks()).checkedPlansAt(config, read, deployments, warn),
    giveUp: async () => early?.giveUp()
  };
}
async function validated(yaml) {
  const { validateConfig } = await import("./load-Y367HCWN.js");
  return validateConfig(yaml);
}
function loadPlanChecks() {
  return import("./plan-checks-MJDCQ2ES.js");
}

export {
  cancelOnSignal,
  clusterUser,
  startRun,
  loadPlanChecks
};
