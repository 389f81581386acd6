/**
 * An HTTPS test server on 127.0.0.1 with a throwaway self-signed certificate, answering for any host
 * name. Chromium is pointed at it with `chromiumArgs(hosts)` (host-resolver-rules); Firefox through
 * `startConnectProxy`. The extension's https-only patterns and background fetches then run unchanged.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => void;

export interface HttpsTestServer {
  readonly port: number;
  /** The server's certificate (PEM), for clients that trust it explicitly (Node: `ca`, INKLUDO_CA_CERTS). */
  readonly cert: string;
  /** Chromium flags that send `hosts` to this server and accept its certificate. */
  chromiumArgs(hosts: readonly string[]): string[];
  close(): Promise<void>;
}

function selfSigned(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'inkludo-cert-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=inkludo-e2e', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startHttpsServer(handler: Handler): Promise<HttpsTestServer> {
  const credentials = selfSigned();
  const server = createServer(credentials, (request, response) => {
    handler(request, response, new URL(request.url ?? '/', `https://${request.headers.host ?? 'localhost'}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    cert: credentials.cert,
    chromiumArgs: (hosts) => [`--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(',')}`, '--ignore-certificate-errors'],
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An HTTP CONNECT proxy that tunnels every https request to `targetPort` (for Firefox, which has no resolver rules). */
export async function startConnectProxy(targetPort: number): Promise<{ port: number; close(): Promise<void> }> {
  const proxy = createHttpServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (_req: IncomingMessage, client: Socket, head: Buffer) => {
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    const end = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', end);
    client.on('error', end);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}
