// Starts the service: the shared context (models, metrics, log), an http server with the request and header
// timeouts, listening on the port; `close` stops accepting, lets requests in flight finish and flushes the log.

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequestHandler } from './handle-request';
import type { ServeOptions } from './read-serve-options';
import { createServiceContext, type ContextHooks, type ServiceContext } from './service-context';

export interface RunningService {
  /** The port it listens on (the one chosen when options.port is 0). */
  port: number;
  context: ServiceContext;
  /** Stops accepting connections, waits for requests in flight, flushes and closes the prediction log. */
  close(): Promise<void>;
}

export interface ServiceHooks extends ContextHooks {
  /** Each answered request's record (serve.mjs writes it as a JSON line on stdout). */
  writeLine(record: Record<string, unknown>): void;
}

/** The service of `options`, listening; rejects with an OptionsError when a flag's bundle, token or folder is unusable. */
export async function startService(options: ServeOptions, hooks: ServiceHooks): Promise<RunningService> {
  const context = await createServiceContext(options, hooks);
  // A slow client (headers or body trickled in) is cut off at the request timeout: Node checks connections every
  // `connectionsCheckingInterval` (30 s by default, which would let a short timeout run long).
  const server = createServer({ connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.floor(options.requestTimeoutMs / 4))) }, createRequestHandler(context, hooks.writeLine));
  // Longer than the 60 s idle timeout of common load balancers, so they never reuse a connection the service closed.
  server.keepAliveTimeout = 65_000;
  server.requestTimeout = options.requestTimeoutMs;
  server.headersTimeout = Math.min(options.requestTimeoutMs, 60_000);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  let closing: Promise<void> | null = null;
  return {
    port: (server.address() as AddressInfo).port,
    context,
    close: () => (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      while (context.background.size > 0) await Promise.all(context.background);
      await context.log?.close();
    })()),
  };
}
