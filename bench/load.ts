/** A closed-loop HTTP load generator: `concurrency` clients, each sending its next request when the last one answers. */
import http from 'node:http';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** Sent over the run's headers (a JSON body's content type, a signature). */
  headers?: Record<string, string>;
}

export interface LoadOptions {
  port: number;
  concurrency: number;
  durationMs: number;
  warmupMs: number;
  headers: Record<string, string>;
  /** The request client `worker` sends as its `i`-th. */
  request(worker: number, i: number): LoadRequest;
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Size of the last response body, to size the floor's answer. */
  responseBytes: number;
  failures: number;
}

function send(agent: http.Agent, port: number, headers: Record<string, string>, request: LoadRequest): Promise<{status: number; bytes: number}> {
  return new Promise((resolve, reject) => {
    const body = request.body ?? '';
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method: request.method,
        path: request.path,
        headers: request.method === 'POST'
          ? {...headers, 'content-type': 'application/x-www-form-urlencoded', ...request.headers, 'content-length': Buffer.byteLength(body)}
          : {...headers, ...request.headers},
      },
      (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({status: res.statusCode ?? 0, bytes}));
      },
    );
    req.on('error', reject);
    req.end(request.method === 'POST' ? body : undefined);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({keepAlive: true, maxSockets: options.concurrency});
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const end = measureFrom + options.durationMs;
  const latencies: number[] = [];
  let failures = 0;
  let responseBytes = 0;

  const worker = async (w: number): Promise<void> => {
    for (let i = 0; performance.now() < end; i++) {
      const sentAt = performance.now();
      const {status, bytes} = await send(agent, options.port, options.headers, options.request(w, i));
      const answeredAt = performance.now();
      responseBytes = bytes;
      if (status !== 200) failures++;
      if (sentAt >= measureFrom && answeredAt <= end) latencies.push(answeredAt - sentAt);
    }
  };
  await Promise.all(Array.from({length: options.concurrency}, (_, w) => worker(w)));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    perSecond: latencies.length / (options.durationMs / 1000),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    responseBytes,
    failures,
  };
}

/** Sends a fixed list of requests over `concurrency` clients; throws when any is not answered 200. */
export async function runBatch(port: number, headers: Record<string, string>, requests: LoadRequest[], concurrency = 32): Promise<void> {
  const agent = new http.Agent({keepAlive: true, maxSockets: concurrency});
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let request = requests[next++]; request; request = requests[next++]) {
      const {status} = await send(agent, port, headers, request);
      if (status !== 200) throw new Error(`${request.method} ${request.path} answered ${status}`);
    }
  };
  await Promise.all(Array.from({length: concurrency}, worker));
  agent.destroy();
}
