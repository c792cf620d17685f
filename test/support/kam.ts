/* global __dirname, process, setTimeout, clearTimeout */
// Runs the `kam` command as a user does (`npx kam`: node src/cli/kam.cjs, the package bin) and
// collects its output.
import { spawn } from "node:child_process";
import path from "node:path";

export const root = path.resolve(__dirname, "../..");
const bin = path.join(root, "src/cli/kam.cjs");

export interface KamResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `kam ...args` in `cwd` (default the project) and resolves when it ends. */
export function kam(args: readonly string[], cwd = root, timeoutMs = 120_000): Promise<KamResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}
