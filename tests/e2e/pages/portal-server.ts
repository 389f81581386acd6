/**
 * Serves the portal page fixtures over HTTPS on 127.0.0.1 under the portals' real host names.
 * Chromium maps the names to this server with `--host-resolver-rules` and accepts the throwaway
 * self-signed certificate (generated here with openssl) with `--ignore-certificate-errors`; the
 * extension's https-only match patterns and the background's TED fetch then work unchanged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHttpsServer } from '../support/https-server.ts';

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

export async function startPortalServer(routes: Routes): Promise<PortalServer> {
  const server = await startHttpsServer((req, res, url) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const route = routes.get(`${host}${url.pathname}`);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-type': route.type, 'cache-control': 'no-store' }).end(route.body);
  });
  const hosts = [...new Set([...routes.keys()].map((k) => k.slice(0, k.indexOf('/'))))];
  return { port: server.port, chromiumArgs: server.chromiumArgs(hosts), close: () => server.close() };
}
