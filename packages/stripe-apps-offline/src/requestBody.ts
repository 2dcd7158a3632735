/**
 * Reading a request body for the local servers (Secret Store, preview): one
 * limit, one way to tell "too large" (null, so the caller answers 413 and
 * stops reading) from "the client hung up mid-body" (ClientAborted, which is
 * the client's doing and is logged as such, never as a server error).
 */
import type http from 'node:http';

export class ClientAborted extends Error {
  constructor() {
    super('the client closed the connection before the body was complete');
    this.name = 'ClientAborted';
  }
}

/** The whole body, or null once it passes `maxBytes` (what was read is dropped). */
export function readBody(req: http.IncomingMessage, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > maxBytes) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    // A hang-up mid-body surfaces as 'error' (ECONNRESET "aborted") or a bare 'close'; either way the body is incomplete.
    req.on('error', (e) => reject(req.complete ? e : new ClientAborted()));
    req.on('close', () => {
      if (!req.complete) reject(new ClientAborted());
    });
  });
}
