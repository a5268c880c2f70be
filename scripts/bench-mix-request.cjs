// autocannon's setupRequest for the realistic mixes of `npm run bench` (runs in its worker thread):
// every request takes a random path from the file the bench wrote (paths drawn from the data, popular
// ones repeated as often as a Zipf law says).
const fs = require("node:fs");

const paths = JSON.parse(fs.readFileSync(process.env.BENCH_MIX_FILE, "utf8"));

module.exports = (req) => {
  req.path = paths[Math.floor(Math.random() * paths.length)];
  return req;
};
