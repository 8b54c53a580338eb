import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A running moto_server: the local AWS API the end-to-end tests apply to. */
export interface Moto {
  readonly endpoint: string;
  /** moto's request log, for diagnosing a failed call. */
  readonly logPath: string;
  /** Environment for terraform and AWS SDK calls against it. */
  readonly env: NodeJS.ProcessEnv;
  /** Empties every account and region. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A throw-away certificate for 127.0.0.1. moto speaks TLS because the state buckets deny
 * every request without it (aws:SecureTransport), exactly as AWS does.
 */
function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, "moto-cert.pem");
  const key = join(dir, "moto-key.pem");
  const made = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      key,
      "-out",
      cert,
      "-days",
      "2",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1,DNS:localhost",
    ],
    { encoding: "utf8" },
  );
  if (made.status !== 0) throw new Error(`openssl could not make a certificate for moto_server:\n${made.stderr}`);
  return { cert, key };
}

function call(url: string, method: string, ca: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, ca, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

async function waitUntilUp(endpoint: string, ca: Buffer, process: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (process.exitCode !== null) throw new Error(`moto_server exited (${process.exitCode}):\n${output()}`);
    try {
      if ((await call(`${endpoint}/moto-api/data.json`, "GET", ca)) === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`moto_server did not answer on ${endpoint} within 30s:\n${output()}`);
}

/** Starts moto_server over TLS on a free loopback port; stop it with `stop()` (by PID). */
export async function startMoto(): Promise<Moto> {
  const port = await freePort();
  const endpoint = `https://127.0.0.1:${port}`;
  const certDir = mkdtempSync(join(tmpdir(), "orgplat-moto-"));
  const { cert, key } = selfSignedCertificate(certDir);
  const ca = readFileSync(cert);
  // moto logs every request. The tests drive terraform with spawnSync, which stops this
  // process's event loop, so a pipe would fill up and block moto: log to a file instead.
  const logPath = join(certDir, "moto.log");
  const log = openSync(logPath, "a");
  const output = () => readFileSync(logPath, "utf8").slice(-20_000);
  const child = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port), "-c", cert, "-k", key], {
    env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: "true" },
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  await waitUntilUp(endpoint, ca, child, output);
  return {
    endpoint,
    logPath,
    env: {
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_REGION: "us-east-1",
      AWS_DEFAULT_REGION: "us-east-1",
      AWS_ENDPOINT_URL: endpoint,
      AWS_CA_BUNDLE: cert,
    },
    async reset() {
      await call(`${endpoint}/moto-api/reset`, "POST", ca);
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        // unref: a moto that exits at once must not keep jest waiting for this timer.
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(certDir, { recursive: true, force: true });
    },
  };
}
