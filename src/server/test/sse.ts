/** A Server-Sent Events client over fetch for tests: collects events, waits for one, closes. */
export interface SseClient {
  status: number;
  events: { event: string; data: unknown; at: number }[];
  /** Resolves with the first event named `name` (after `since` events) or rejects after `timeoutMs`. */
  next(name: string, timeoutMs?: number): Promise<{ event: string; data: unknown; at: number }>;
  /** Whether an event named `name` arrives within `ms`. */
  arrives(name: string, ms: number): Promise<boolean>;
  close(): void;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
}

export async function openSse(url: string, cookie: string): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(url, {
    headers: { cookie, accept: "text/event-stream", "accept-language": "ru" },
    signal: abort.signal,
  });
  const events: SseClient["events"] = [];
  const waiters = new Set<() => void>();
  let seen = 0;
  let ended: () => void = () => {};
  const endedP = new Promise<void>((r) => {
    ended = r;
  });
  if (res.body) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buf = "";
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += value;
          let i = buf.indexOf("\n\n");
          while (i >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            let name = "message";
            let data = "";
            for (const line of block.split("\n")) {
              if (line.startsWith("event: ")) name = line.slice(7);
              else if (line.startsWith("data: ")) data += line.slice(6);
            }
            if (data) {
              events.push({ event: name, data: JSON.parse(data), at: performance.now() });
              for (const w of waiters) w();
            }
            i = buf.indexOf("\n\n");
          }
        }
      } catch {
        // aborted
      }
      ended();
    })();
  } else ended();
  const client: SseClient = {
    status: res.status,
    events,
    ended: endedP,
    next(name, timeoutMs = 2000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          for (; seen < events.length; seen++) {
            const e = events[seen]!;
            if (e.event === name) {
              seen++;
              waiters.delete(check);
              clearTimeout(timer);
              resolve(e);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${name} event within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async arrives(name, ms) {
      return client.next(name, ms).then(
        () => true,
        () => false,
      );
    },
    close() {
      abort.abort();
    },
  };
  return client;
}

/** The Cookie header of a test client's cookie jar. */
export const cookieHeader = (cookies: Map<string, string>) =>
  [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
