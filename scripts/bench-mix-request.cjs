// autocannon's setupRequest for `npm run bench` (runs in its worker thread): in the realistic mixes
// every request takes a random path from the file the bench wrote (paths drawn from the data, popular
// ones repeated as often as a Zipf law says); with `--rate-limit` every request comes from one of
// BENCH_CLIENTS client addresses (X-Forwarded-For, the server trusting one proxy hop).
const fs = require("node:fs");

const paths = process.env.BENCH_MIX_FILE
  ? JSON.parse(fs.readFileSync(process.env.BENCH_MIX_FILE, "utf8"))
  : null;
const clients = Number(process.env.BENCH_CLIENTS || 0);

module.exports = (req) => {
  if (paths) req.path = paths[Math.floor(Math.random() * paths.length)];
  if (clients) {
    const n = Math.floor(Math.random() * clients);
    req.headers = { ...req.headers, "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
  }
  return req;
};
