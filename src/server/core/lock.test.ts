import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, LockedError } from "./lock.js";

let dir: string;
const lockFile = () => path.join(dir, "innocluster.lock");
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ic-lock-"));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("acquireDataDirLock", () => {
  it("creates the folder and a lock file holding our pid; release removes it", () => {
    const data = path.join(dir, "nested", "data");
    const release = acquireDataDirLock(data);
    const file = path.join(data, "innocluster.lock");
    expect(fs.readFileSync(file, "utf8").trim()).toBe(String(process.pid));
    release();
    expect(fs.existsSync(file)).toBe(false);
    release(); // twice is harmless
  });

  it("refuses while another live process holds the folder, naming its pid", () => {
    fs.writeFileSync(lockFile(), `${process.ppid}\n`);
    expect(() => acquireDataDirLock(dir)).toThrow(LockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`pid ${process.ppid}`));
    // The other process's lock is left alone.
    expect(fs.readFileSync(lockFile(), "utf8").trim()).toBe(String(process.ppid));
  });

  it("a second acquire fails while the first holder (another process) keeps it, and works after release", () => {
    const release = acquireDataDirLock(dir);
    // Make the lock look like another live process's, as a second server would see it.
    fs.writeFileSync(lockFile(), `${process.ppid}\n`);
    expect(() => acquireDataDirLock(dir)).toThrow(LockedError);
    fs.writeFileSync(lockFile(), `${process.pid}\n`);
    release();
    expect(fs.existsSync(lockFile())).toBe(false);
    const again = acquireDataDirLock(dir);
    expect(fs.existsSync(lockFile())).toBe(true);
    again();
  });

  it("takes over a stale lock left by a process that no longer runs", () => {
    fs.writeFileSync(lockFile(), "2147483\n");
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(lockFile(), "utf8").trim()).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it("takes over a lock file with garbage in it", () => {
    fs.writeFileSync(lockFile(), "not a pid");
    const release = acquireDataDirLock(dir);
    expect(fs.readFileSync(lockFile(), "utf8").trim()).toBe(String(process.pid));
    release();
  });

  it("release does not remove a lock that another process has taken since", () => {
    const release = acquireDataDirLock(dir);
    fs.writeFileSync(lockFile(), `${process.ppid}\n`);
    release();
    expect(fs.readFileSync(lockFile(), "utf8").trim()).toBe(String(process.ppid));
  });
});
