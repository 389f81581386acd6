// Serves the built add-in (dist/addin).
//   node --import tsx scripts/serve-addin.mjs            browser playground on http://127.0.0.1:3000/:
//                                                        the task pane on a fake Excel with a sample sheet
//   node scripts/serve-addin.mjs --https                 https://localhost:3000 with the Office dev
//                                                        certificates, for real Excel (npm run start:excel)
import { createServer as createHttp } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const ADDIN = join(ROOT, 'dist/addin');
const FAKE_OFFICE = join(ROOT, 'dist/fake-office');
const OFFICE_JS = '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.xml': 'application/xml' };

function file(dir, path) {
  const full = normalize(join(dir, decodeURIComponent(path)));
  return full.startsWith(dir + sep) && existsSync(full) && statSync(full).isFile() ? full : null;
}

/** A Norwegian sample sheet: samples/*.xlsx when there is one (read as the CLI reads it), else the test fixture. */
export async function sampleSheet() {
  const samples = join(ROOT, 'samples');
  const xlsx = existsSync(samples) ? readdirSync(samples).filter((f) => f.endsWith('.xlsx')).sort() : [];
  const norwegian = xlsx.find((f) => /(^|[-_.])(no|nb|nor)([-_.]|$)|innkj|anskaff/i.test(f)) ?? xlsx[0];
  if (norwegian) {
    const { readXlsxCells } = await import('../cli/xlsx/index.ts');
    const read = await readXlsxCells(join(samples, norwegian));
    if (read.ok) return { name: read.worksheet.sheet, cells: read.worksheet.cells };
  }
  const { readSheetCsv } = await import('../core/index.ts');
  const csv = readSheetCsv(readFileSync(join(ROOT, 'tests/fake-office/sample-nb.csv')));
  if (!csv.ok) throw new Error(`tests/fake-office/sample-nb.csv: unclosed quote on line ${csv.error.line}`);
  return { name: 'Innkjøpsplan', cells: csv.cells };
}

const PLAYGROUND_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Inkludo playground</title>
<style>body{margin:0;font:14px system-ui,sans-serif;display:flex;height:100vh}iframe{width:380px;border:0;border-right:1px solid #888}
#book{flex:1;overflow:auto;padding:8px}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;white-space:nowrap;max-width:24rem;overflow:hidden;text-overflow:ellipsis}
nav button[aria-pressed=true]{font-weight:bold}</style></head>
<body><iframe id="pane" title="Inkludo task pane" src="taskpane.html?lang=nb-NO"></iframe>
<section id="book" aria-label="Workbook"><nav><a href="?lang=nb-NO">nb</a> · <a href="?lang=sv-SE">sv</a> · <a href="?lang=en-US">en</a></nav><nav id="tabs"></nav><div id="sheet"></div></section>
<script>
const lang = new URLSearchParams(location.search).get('lang');
const pane = document.getElementById('pane');
if (lang) pane.src = 'taskpane.html?lang=' + encodeURIComponent(lang);
let shown = null, active = null, drawn = '';
function draw() {
  const wb = pane.contentWindow && pane.contentWindow.fakeWorkbook;
  if (!wb) return;
  const names = [...wb.sheets.keys()];
  // Follow the workbook to the sheet Excel would show (the results after a check, the source row after a click).
  if (!names.includes(shown) || wb.active !== active) shown = active = wb.active;
  const key = names.join('|') + shown + wb.writes.length + wb.active + JSON.stringify(wb.selection);
  if (key === drawn) return;
  drawn = key;
  const tabs = document.getElementById('tabs');
  tabs.replaceChildren(...names.map((n) => { const b = document.createElement('button'); b.textContent = n; b.setAttribute('aria-pressed', String(n === shown)); b.onclick = () => { shown = n; drawn = ''; draw(); }; return b; }));
  const sheet = wb.sheets.get(shown), table = document.createElement('table');
  const sel = wb.selection && wb.selection.sheet === shown ? Number(wb.selection.address.match(/\\d+/)[0]) : 0;
  sheet.cells.slice(0, 500).forEach((row, r) => { const tr = table.insertRow(); if (r + 1 === sel) tr.style.background = '#fff3cd';
    tr.insertCell().textContent = r + 1; (row || []).forEach((v) => { tr.insertCell().textContent = v == null ? '' : String(v); }); });
  document.getElementById('sheet').replaceChildren(table);
}
setInterval(draw, 400);
</script></body></html>`;

/** Starts the server; in playground mode the task pane gets the fake Office host and the sample sheet. */
export async function startServer({ https = false, playground = false, host = '127.0.0.1', port = 3000 } = {}) {
  const sample = playground ? await sampleSheet() : null;
  const handler = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (playground && url.pathname === '/') return send(200, TYPES['.html'], PLAYGROUND_PAGE);
    if (playground && url.pathname === '/taskpane.html') {
      const html = readFileSync(join(ADDIN, 'taskpane.html'), 'utf8');
      return send(200, TYPES['.html'], html.replace(OFFICE_JS, '<script src="./fake-office/fake-office.js"></script><script src="./playground-host.js"></script>'));
    }
    if (playground && url.pathname === '/playground-host.js') {
      const init = { sheets: { [sample.name]: sample.cells }, active: sample.name };
      return send(200, TYPES['.js'], `FakeOffice.install(Object.assign(${JSON.stringify(init)}, { displayLanguage: new URLSearchParams(location.search).get('lang') || 'nb-NO' }));`);
    }
    const path = playground && url.pathname.startsWith('/fake-office/') ? file(FAKE_OFFICE, url.pathname.slice('/fake-office/'.length)) : file(ADDIN, url.pathname);
    if (!path) return send(404, 'text/plain', 'not found');
    return send(200, TYPES[extname(path)] ?? 'application/octet-stream', readFileSync(path));
  };
  let server;
  if (https) {
    const { getHttpsServerOptions } = await import('office-addin-dev-certs');
    server = createHttps(await getHttpsServerOptions(), handler);
  } else server = createHttp(handler);
  await new Promise((ok, fail) => server.once('error', fail).listen(port, host, ok));
  return server;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const https = process.argv.includes('--https');
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 3000;
  const host = https ? 'localhost' : '127.0.0.1';
  const url = `${https ? 'https' : 'http'}://${host}:${port}/${https ? 'taskpane.html' : ''}`;
  if (!existsSync(join(ADDIN, 'taskpane.html')) || (!https && !existsSync(join(FAKE_OFFICE, 'fake-office.js')))) {
    console.error('dist/addin is not built: run npm run build:addin first.');
    process.exit(1);
  }
  if (!https && (process.env.CI || !process.stdin.isTTY)) {
    console.log(`Add-in playground (fake Excel, sample sheet): ${url} (not started: CI or no terminal)`);
    process.exit(0);
  }
  try {
    await startServer({ https, playground: !https, host, port });
  } catch (error) {
    console.error(`Could not start the add-in server: ${error instanceof Error ? error.message : String(error)}`);
    if (https) console.error('The https server needs the Office development certificates: run npm run dev-certs (Windows or macOS).');
    process.exit(1);
  }
  console.log(https ? `Serving the add-in for Excel at ${url}` : `Add-in playground (fake Excel, sample sheet): open ${url}  (Ctrl-C to stop)`);
}
