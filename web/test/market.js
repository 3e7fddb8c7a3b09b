// A test instance of the whole market: `bittunes dev` on free ports in a temporary folder, built
// once from this checkout (or BITTUNES_BIN), waited for until the demo catalogue is indexed.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync, createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import net from "node:net";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(what, fn, timeout = 90000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** startMarket builds and starts `bittunes dev`; stop() ends it and removes its folder. */
export async function startMarket({ log = path.join(repo, "test-results", "web", "bittunes-dev.log") } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "bittunes-web-"));
  let bin = process.env.BITTUNES_BIN;
  if (!bin) {
    bin = path.join(dir, "bittunes");
    execFileSync("go", ["build", "-o", bin, "./cmd/bittunes"], { cwd: repo, stdio: "inherit" });
  }
  const [http, rpc, ws, peers] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  mkdirSync(path.dirname(log), { recursive: true });
  const out = createWriteStream(log);
  const proc = spawn(bin, ["dev", "--data-dir", path.join(dir, "data"), "--http", `127.0.0.1:${http}`,
    "--rpc-port", String(rpc), "--ws-port", String(ws), "--torrent-listen", `127.0.0.1:${peers}`, "--log-level", "warn",
    // Every journey signs in from 127.0.0.1; the sign-in budget per address is tested in Go.
    "--rate-limits", "signin=off"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  proc.stdout.pipe(out);
  proc.stderr.pipe(out);
  let exited = null;
  proc.on("exit", (code) => { exited = code; });
  const base = `http://127.0.0.1:${http}`;
  const stop = async () => {
    if (exited === null) {
      proc.kill("SIGTERM");
      await new Promise((r) => { proc.once("exit", r); setTimeout(r, 10000); });
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor("bittunes dev to serve", async () => {
      if (exited !== null) throw new Error(`bittunes dev exited with ${exited}; see ${log}`);
      return (await fetch(`${base}/readyz`)).ok;
    });
    // The demo catalogue (tracks, sales, a release bought), indexed: dev.json says ready.
    await waitFor("the demo catalogue", async () => JSON.parse(readFileSync(path.join(dir, "data", "dev.json"), "utf8")).ready);
  } catch (e) {
    await stop();
    throw e;
  }
  const devPath = path.join(dir, "data", "dev.json");
  if (!existsSync(devPath)) throw new Error("no dev.json");
  const dev = JSON.parse(readFileSync(devPath, "utf8"));
  const api = async (p) => {
    const r = await fetch(`${base}/api/v1${p}`);
    if (!r.ok) throw new Error(`GET ${p}: ${r.status}`);
    return r.json();
  };
  return { base, dev, api, stop, waitFor };
}

export { waitFor };
