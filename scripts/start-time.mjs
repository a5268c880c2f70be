// Start-to-healthy of `npm start`: spawns it with DATA_DIR and PORT, polls /api/health every 50 ms and
// prints the time and the server's own "ready in". Usage:
//   node scripts/start-time.mjs [DATA_DIR=./data-start-time] [PORT=3311] [RUNS=3]
// The first run on an empty folder includes migrations and the demo seed; the later runs start seeded.
import { spawn } from "node:child_process";

const [dataDir = "./data-start-time", port = "3311", runs = "3"] = process.argv.slice(2);

async function once(label) {
  const t0 = performance.now();
  const child = spawn("npm", ["start"], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: port },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 600_000) throw new Error(`no health after 10 min:\n${out.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = ((performance.now() - t0) / 1000).toFixed(2);
  console.log(
    `${label}: healthy after ${seconds} s (server: ready in ${/ready in ([\d.]+ ?m?s)/.exec(out)?.[1] ?? "?"})`,
  );
  process.kill(-child.pid, "SIGTERM");
  await new Promise((resolve) => child.on("exit", resolve));
}

for (let i = 1; i <= Number(runs); i++) await once(`run ${i}`);
