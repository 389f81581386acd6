/**
 * Serves the portal page fixtures over HTTPS on 127.0.0.1 under the portals' real host names.
 * Chromium maps the names to this server with `--host-resolver-rules` and accepts the throwaway
 * self-signed certificate (generated here with openssl) with `--ignore-certificate-errors`; the
 * extension's https-only match patterns and the background's TED fetch then work unchanged.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Route {
  readonly status?: number;
  readonly type: string;
  readonly body: string;
}

/** `host + pathname` (query ignored) → response. */
export type Routes = ReadonlyMap<string, Route>;

export interface PortalServer {
  readonly port: number;
  /** Chromium flags that send the hosts to this server. */
  readonly chromiumArgs: string[];
  close(): Promise<void>;
}

export const PAGES_DIR = import.meta.dirname;

export function page(file: string): Route {
  return { type: 'text/html; charset=utf-8', body: readFileSync(join(PAGES_DIR, file), 'utf8') };
}

function selfSigned(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'inkludo-cert-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=inkludo-e2e',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startPortalServer(routes: Routes): Promise<PortalServer> {
  const server = createServer(selfSigned(), (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    const route = routes.get(`${host}${path}`);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-type': route.type, 'cache-control': 'no-store' }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const hosts = [...new Set([...routes.keys()].map((k) => k.slice(0, k.indexOf('/'))))];
  return {
    port,
    chromiumArgs: [`--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(',')}`, '--ignore-certificate-errors'],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
