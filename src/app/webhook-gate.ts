import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** GitHub caps webhook payloads at 25 MB: anything larger is not GitHub, and is refused unread. */
export const maxWebhookBytes = 25 * 1024 * 1024;

export class TooLarge extends Error {}

/** The body, read up to the cap: past it the connection is dropped instead of buffered. */
export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxWebhookBytes) {
        request.pause();
        reject(new TooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/** `sha256=<hex>` of the body under the webhook secret, compared in constant time. */
export function signatureMatches(secret: string, body: Buffer, signature: string | string[] | undefined): boolean {
  if (typeof signature !== "string" || !signature.startsWith("sha256=")) return false;
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function refuse(response: ServerResponse, status: number, message: string): void {
  response.writeHead(status, { "content-type": "application/json", connection: "close" });
  response.end(JSON.stringify({ error: message }));
}
