/**
 * A stand-in for data.brreg.no/enhetsregisteret/api that replays recorded-shape answers
 * (tests/fixtures/brreg/search.ts): searches by `naeringskode` and `organisasjonsnummer` (comma
 * lists) paged by `size` and `page` with the API's depth limit, lookups with 404 and 410, and on
 * request a 429 with Retry-After or no answer at all. Serves both node:http and the e2e HTTPS server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GONE, KOMMUNE, SUB_UNITS, UNITS } from '../fixtures/brreg/search.ts';

export interface BrregReplay {
  readonly handle: (request: IncomingMessage, response: ServerResponse, url: URL) => void;
  /** Every path and query asked, in order. */
  readonly requests: string[];
  /** The next matching request gets a 429 with this Retry-After (seconds). */
  rateLimitNext: { readonly match: RegExp; readonly retryAfter: string } | null;
  /** Requests matching this never get an answer. */
  hang: RegExp | null;
}

const PREFIX = '/enhetsregisteret/api';
type Entity = { organisasjonsnummer: string; naeringskode1?: { kode: string } };

function page(path: 'enheter' | 'underenheter', items: readonly Entity[], url: URL) {
  const size = Number(url.searchParams.get('size') ?? '20');
  const number = Number(url.searchParams.get('page') ?? '0');
  if ((number + 1) * size > 10_000) return { status: 400, body: { feilmelding: 'Ugyldig forespørsel: page*size > 10000' } };
  const slice = items.slice(number * size, (number + 1) * size);
  return {
    status: 200,
    body: {
      ...(slice.length > 0 ? { _embedded: { [path]: slice } } : {}),
      _links: { self: { href: url.href } },
      page: { size, totalElements: items.length, totalPages: Math.ceil(items.length / size), number },
    },
  };
}

export function brregReplay(): BrregReplay {
  const replay: BrregReplay = {
    requests: [],
    rateLimitNext: null,
    hang: null,
    handle(_request, response, url) {
      const asked = `${url.pathname}${url.search}`;
      replay.requests.push(asked);
      if (replay.hang?.test(asked)) return; // the client's deadline has to end it
      if (replay.rateLimitNext?.match.test(asked)) {
        const { retryAfter } = replay.rateLimitNext;
        replay.rateLimitNext = null;
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after': retryAfter }).end('{"status":429}');
        return;
      }
      const send = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify(body));
      if (!url.pathname.startsWith(PREFIX)) return send(404, {});
      const rest = url.pathname.slice(PREFIX.length);
      const all: Record<'enheter' | 'underenheter', readonly Entity[]> = { enheter: [...UNITS, KOMMUNE], underenheter: SUB_UNITS };
      const single = /^\/(enheter|underenheter)\/(\d{9})$/.exec(rest);
      if (single) {
        const [, path = 'enheter', orgnr] = single;
        if (path === 'enheter' && orgnr === GONE.organisasjonsnummer) return send(410, GONE);
        const found = all[path as 'enheter' | 'underenheter'].find((e) => e.organisasjonsnummer === orgnr);
        return found ? send(200, found) : send(404, { status: 404, error: 'Not Found' });
      }
      const search = /^\/(enheter|underenheter)$/.exec(rest);
      if (!search) return send(404, {});
      const path = search[1] as 'enheter' | 'underenheter';
      const codes = url.searchParams.get('naeringskode')?.split(',');
      const numbers = url.searchParams.get('organisasjonsnummer')?.split(',');
      const items = all[path].filter(
        (e) => (codes === undefined || codes.some((c) => e.naeringskode1?.kode.startsWith(c))) && (numbers === undefined || numbers.includes(e.organisasjonsnummer)),
      );
      const answer = page(path, items, url);
      return send(answer.status, answer.body);
    },
  };
  return replay;
}
