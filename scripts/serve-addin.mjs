// Serves the built add-in (dist/addin).
//   node --import tsx scripts/serve-addin.mjs [--print-url] browser playground on http://127.0.0.1:3000/:
//                                                        the task pane on a fake Excel with a sample sheet
//   node scripts/serve-addin.mjs --https                 https://localhost:3000 with the Office dev
//                                                        certificates, for real Excel (npm run start:excel)
import { createServer as createHttp } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { existsSync, readFileSync, statSync } from 'node:fs';
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

/** The bundled sample for a language: the Swedish contract register in sv, the Norwegian plan otherwise. */
const SAMPLE_FILES = { nb: 'innkjopsplan-2027.xlsx', sv: 'avtalsregister-2027.xlsx' };

/** The number formats of a sample's cells (`D4` → `#,##0`), so the fake sheet shows them as Excel does. */
async function numberFormats(path, sheetName) {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const formats = {};
  book.getWorksheet(sheetName)?.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.numFmt && cell.numFmt !== 'General') formats[cell.address] = cell.numFmt;
    }),
  );
  return formats;
}

/** A sample sheet per language (samples/*.xlsx, read as the CLI reads them), else the test fixture. */
export async function sampleSheet(lang = 'nb') {
  const path = join(ROOT, 'samples', SAMPLE_FILES[lang] ?? SAMPLE_FILES.nb);
  if (existsSync(path)) {
    const { readXlsxCells } = await import('../cli/xlsx.ts');
    const read = await readXlsxCells(path);
    if (read.ok) return { name: read.worksheet.sheet, cells: read.worksheet.cells, numberFormats: await numberFormats(path, read.worksheet.sheet) };
  }
  const { readSheetCsv } = await import('../core/index.ts');
  return { name: 'Innkjøpsplan', cells: readSheetCsv(readFileSync(join(ROOT, 'tests/fake-office/sample-nb.csv'))), numberFormats: {} };
}

/** Starts the server; in playground mode the task pane gets the fake Office host and the sample sheet. */
export async function startServer({ https = false, playground = false, host = '127.0.0.1', port = 3000 } = {}) {
  const samples = playground ? { nb: await sampleSheet('nb'), sv: await sampleSheet('sv') } : null;
  const handler = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (playground && url.pathname === '/') return send(200, TYPES['.html'], readFileSync(join(ROOT, 'tests/fake-office/playground.html')));
    if (playground && url.pathname === '/taskpane.html') {
      const html = readFileSync(join(ADDIN, 'taskpane.html'), 'utf8');
      return send(200, TYPES['.html'], html.replace(OFFICE_JS, '<script src="./fake-office/fake-office.js"></script><script src="./playground-host.js"></script>'));
    }
    if (playground && url.pathname === '/playground-host.js') {
      // The pane's own URL says the language (?lang=sv-SE) and theme (?theme=dark); the sample follows the language.
      const inits = Object.fromEntries(
        Object.entries(samples).map(([lang, s]) => [lang, { sheets: { [s.name]: s.cells }, numberFormats: { [s.name]: s.numberFormats }, active: s.name }]),
      );
      return send(
        200,
        TYPES['.js'],
        `(() => { const q = new URLSearchParams(location.search); const displayLanguage = q.get('lang') || 'nb-NO';
const inits = ${JSON.stringify(inits)};
FakeOffice.install(Object.assign(inits[displayLanguage.startsWith('sv') ? 'sv' : 'nb'], { displayLanguage, theme: q.get('theme') === 'dark' ? 'dark' : 'light' })); })();`,
      );
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

/**
 * `--print-url` (or INKLUDO_PLAYGROUND=print-url, or CI set) prints the playground's URL and stops: for
 * CI and scripts. Otherwise the server runs until stopped (Ctrl-C, or the IDE task or container ends),
 * with or without a terminal.
 */
export function printUrlOnly(argv = process.argv, env = process.env) {
  return argv.includes('--print-url') || env.INKLUDO_PLAYGROUND === 'print-url' || Boolean(env.CI);
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
  if (!https && printUrlOnly()) {
    console.log(`Add-in playground (fake Excel, sample sheet): ${url} (not started: --print-url, INKLUDO_PLAYGROUND=print-url or CI)`);
    process.exit(0);
  }
  let server;
  try {
    server = await startServer({ https, playground: !https, host, port });
  } catch (error) {
    console.error(`Could not start the add-in server: ${error instanceof Error ? error.message : String(error)}`);
    if (https) console.error('The https server needs the Office development certificates: run npm run dev-certs (Windows or macOS).');
    process.exit(1);
  }
  // Stopped by Ctrl-C, or by the IDE task or container runtime (SIGTERM): close and exit cleanly.
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close(() => process.exit(0)));
  console.log(
    https
      ? `Serving the add-in for Excel at ${url}`
      : `Add-in playground (fake Excel, sample sheet): open ${url}  (Swedish: ${url}?lang=sv-SE, dark theme: add &theme=dark; Ctrl-C to stop)`,
  );
}
