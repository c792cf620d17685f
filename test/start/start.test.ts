/* global __dirname, process, setTimeout, Buffer */
// `npm start` on a fresh Linux machine: no certificates yet, no Excel. It must create development
// certificates, serve the add-in over https with them, and say how to sideload into Excel on the web.
import { describe, expect, test } from "@jest/globals";
import { ChildProcess, spawn } from "child_process";
import fs from "fs";
import https from "https";
import net from "net";
import os from "os";
import path from "path";

const root = path.resolve(__dirname, "../..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

function get(url: string, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

const linux = process.platform === "linux";
(linux ? describe : describe.skip)("npm start on Linux", () => {
  test("creates certificates, serves the add-in over https and prints sideloading steps", async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "kam-home-"));
    const port = await freePort();
    let output = "";
    const child: ChildProcess = spawn(process.execPath, [path.join(root, "src/cli/start.mjs")], {
      cwd: root,
      env: { ...process.env, HOME: home, KAM_DEV_PORT: String(port) },
      detached: true,
    });
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    try {
      const ca = path.join(home, ".office-addin-dev-certs", "ca.crt");
      const deadline = Date.now() + 150_000;
      let metadata: { status: number; body: string } | undefined;
      while (Date.now() < deadline && child.exitCode === null) {
        if (fs.existsSync(ca)) {
          try {
            metadata = await get(`https://localhost:${port}/functions.json`, fs.readFileSync(ca));
            if (metadata.status === 200) break;
          } catch {
            // not listening yet
          }
        }
        await new Promise((r) => setTimeout(r, 1000));
      }
      expect(child.exitCode).toBeNull();
      expect(metadata?.status).toBe(200);
      const ids = JSON.parse(metadata!.body).functions.map((f: { id: string }) => f.id);
      expect(ids).toEqual(expect.arrayContaining(["RFM", "FUNNEL_WEIGHT"]));
      const page = await get(`https://localhost:${port}/taskpane.html`, fs.readFileSync(ca));
      expect(page.body).toContain("functions.js");
      expect(output).toContain("Upload My Add-in");
      expect(output).toContain(path.join(root, "manifest.xml"));
    } finally {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      fs.rmSync(home, { recursive: true, force: true });
    }
  }, 180_000);
});
