/**
 * The XML add-in manifest, offline: Microsoft validates XML manifests only online, so this checks
 * the structure and element order of the OfficeApp schema (MS-OWEMXML) here, then converts the
 * manifest with office-addin-manifest-converter and validates the JSON with office-addin-manifest,
 * which bundles the JSON schemas.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SaxesParser } from 'saxes';
import { afterAll, describe, expect, it } from 'vitest';
import { addinBaseUrl, manifestForBaseUrl } from '../../addin/build/manifest-url.ts';
import { REQUIRED_EXCEL_API } from '../../addin/office/requirements.ts';
import { REPO_ROOT } from '../support/paths.ts';

interface Node {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: Node[];
  text: string;
}

function parseXml(xml: string): { root: Node; comments: string[] } {
  const parser = new SaxesParser({ xmlns: false });
  const stack: Node[] = [];
  const comments: string[] = [];
  let root: Node | null = null;
  parser.on('opentag', (tag) => {
    const node: Node = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [], text: '' };
    stack.at(-1)?.children.push(node);
    root ??= node;
    stack.push(node);
  });
  parser.on('text', (t) => {
    const top = stack.at(-1);
    if (top) top.text += t.trim();
  });
  parser.on('comment', (c) => comments.push(c));
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return { root, comments };
}

const child = (node: Node, name: string): Node => {
  const found = node.children.find((c) => c.name === name);
  if (!found) throw new Error(`${node.name} has no ${name}`);
  return found;
};
const names = (node: Node) => node.children.map((c) => c.name);
function* walk(node: Node): Generator<Node> {
  yield node;
  for (const c of node.children) yield* walk(c);
}

const SOURCE = readFileSync(resolve(REPO_ROOT, 'manifests/addin.xml'), 'utf8');
const { root, comments } = parseXml(SOURCE);
const PRODUCTION = manifestForBaseUrl(SOURCE, addinBaseUrl('https://addin.example.org/inkludo/'));

/** OfficeApp's children in the order the schema's sequence requires (optional ones included). */
const OFFICE_APP_ORDER = ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'AllowSnapshot', 'Dictionary', 'VersionOverrides', 'ExtendedOverrides'];
const REQUIRED = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'Hosts', 'DefaultSettings', 'Permissions'];

describe('manifests/addin.xml structure', () => {
  it('is a TaskPaneApp whose elements follow the schema order', () => {
    expect(root.name).toBe('OfficeApp');
    expect(root.attrs['xmlns']).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    const present = names(root);
    expect(present).toEqual(OFFICE_APP_ORDER.filter((n) => present.includes(n)));
    for (const name of REQUIRED) expect(present).toContain(name);
    expect(new Set(present).size).toBe(present.length);
  });

  it('has a GUID id, a four-part version and a known permission level', () => {
    expect(child(root, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(child(root, 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(['Restricted', 'ReadDocument', 'ReadWriteDocument', 'ReadAllDocument', 'WriteDocument']).toContain(child(root, 'Permissions').text);
    expect(child(root, 'DefaultLocale').text).toBe('en-US');
    expect(child(child(root, 'Hosts'), 'Host').attrs['Name']).toBe('Workbook');
  });

  it('is localized for nb-NO and sv-SE, within the length limits', () => {
    for (const [name, max] of [['DisplayName', 125], ['Description', 250]] as const) {
      const el = child(root, name);
      expect((el.attrs['DefaultValue'] ?? '').length).toBeLessThanOrEqual(max);
      expect(el.children.map((o) => [o.name, o.attrs['Locale']])).toEqual([['Override', 'nb-NO'], ['Override', 'sv-SE']]);
      for (const o of el.children) expect((o.attrs['Value'] ?? '').length).toBeLessThanOrEqual(max);
    }
    const resources = child(child(root, 'VersionOverrides'), 'Resources');
    // Names that are the same in every language: the function namespace and the product name.
    const untranslated = new Set(['Functions.Namespace', 'Group.Label']);
    for (const [list, max] of [['bt:ShortStrings', 125], ['bt:LongStrings', 250]] as const) {
      for (const s of child(resources, list).children) {
        expect((s.attrs['DefaultValue'] ?? '').length, s.attrs['id']).toBeLessThanOrEqual(max);
        if (untranslated.has(s.attrs['id'] ?? '')) continue;
        expect(s.children.map((o) => o.attrs['Locale']), s.attrs['id']).toEqual(['nb-NO', 'sv-SE']);
        for (const o of s.children) expect(o.name).toBe('bt:Override');
      }
    }
  });

  it('declares only ExcelApi 1.1 for the add-in and CustomFunctionsRuntime 1.1 for the functions, with the reason in a comment', () => {
    const sets = child(child(root, 'Requirements'), 'Sets').children.map((s) => [s.attrs['Name'], s.attrs['MinVersion']]);
    expect(sets).toEqual([['ExcelApi', '1.1']]);
    const overrides = child(root, 'VersionOverrides');
    expect(names(overrides)).toEqual(['Requirements', 'Hosts', 'Resources']);
    const cf = child(child(overrides, 'Requirements'), 'bt:Sets').children.map((s) => [s.attrs['Name'], s.attrs['MinVersion']]);
    expect(cf).toEqual([['CustomFunctionsRuntime', '1.1']]);
    // The task pane checks this set at run time; the comment must say the same.
    expect(comments.join('\n')).toContain(`ExcelApi ${REQUIRED_EXCEL_API}`);
  });

  it('declares the custom functions and the task pane button, every resid resolving to a resource', () => {
    const host = child(child(child(root, 'VersionOverrides'), 'Hosts'), 'Host');
    expect(names(host)).toEqual(['AllFormFactors', 'DesktopFormFactor']);
    const cf = child(child(host, 'AllFormFactors'), 'ExtensionPoint');
    expect(cf.attrs['xsi:type']).toBe('CustomFunctions');
    expect(names(cf)).toEqual(['Script', 'Page', 'Metadata', 'Namespace']);
    expect(names(child(host, 'DesktopFormFactor'))).toEqual(['FunctionFile', 'ExtensionPoint']);

    const resources = child(child(root, 'VersionOverrides'), 'Resources');
    const ids = new Set([...walk(resources)].map((n) => n.attrs['id']).filter((id): id is string => id !== undefined));
    const resids = [...walk(host)].map((n) => n.attrs['resid']).filter((r): r is string => r !== undefined);
    expect(resids.length).toBeGreaterThan(10);
    for (const resid of resids) expect(ids, resid).toContain(resid);
    const namespace = [...walk(resources)].find((n) => n.attrs['id'] === 'Functions.Namespace');
    expect(namespace?.attrs['DefaultValue']).toBe('INKLUDO');
    // Function descriptions in Excel's language: one metadata file per locale.
    const metadata = [...walk(resources)].find((n) => n.attrs['id'] === 'Functions.Metadata.Url');
    expect(metadata?.children.map((o) => [o.attrs['Locale'], o.attrs['Value']])).toEqual([
      ['nb-NO', 'https://localhost:3000/functions.nb-NO.json'],
      ['sv-SE', 'https://localhost:3000/functions.sv-SE.json'],
    ]);
  });

  it('points every URL at the dev server, and the production copy at ADDIN_BASE_URL only', () => {
    // data.brreg.no is a domain the task pane asks (AppDomains), not one of the add-in's own URLs.
    const urls = (xml: string) =>
      [...xml.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]).filter((u) => !u.startsWith('http://schemas.') && !u.startsWith('http://www.w3.org/') && u !== 'https://data.brreg.no');
    expect(PRODUCTION).toContain('<AppDomain>https://data.brreg.no</AppDomain>');
    expect(urls(SOURCE).every((u) => u.startsWith('https://localhost:3000/'))).toBe(true);
    const prod = urls(PRODUCTION);
    expect(prod).toHaveLength(urls(SOURCE).length);
    expect(prod.every((u) => u.startsWith('https://addin.example.org/inkludo/'))).toBe(true);
    expect(prod).toContain('https://addin.example.org/inkludo/taskpane.html');
    expect(() => addinBaseUrl('http://addin.example.org')).toThrow(/https/);
    expect(() => addinBaseUrl('https://a.example/"><x')).toThrow(/https/);
  });
});

describe('converted to JSON and validated offline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inkludo-manifest-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bin = (name: string) => resolve(REPO_ROOT, 'node_modules/.bin', name);

  it('office-addin-manifest-converter converts the production manifest and office-addin-manifest validates it', () => {
    const xml = join(dir, 'addin.xml');
    writeFileSync(xml, PRODUCTION);
    const out = join(dir, 'json');
    const converted = spawnSync(bin('office-addin-manifest-converter'), ['convert', xml, '-o', out], { encoding: 'utf8' });
    expect(converted.status, converted.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { id: string; localizationInfo: { additionalLanguages: { languageTag: string }[] } };
    expect(json.id).toBe(child(root, 'Id').text);
    expect(json.localizationInfo.additionalLanguages.map((l) => l.languageTag)).toEqual(['nb-no', 'sv-se']);
    expect(JSON.parse(readFileSync(join(out, 'nb-no.json'), 'utf8'))['name.short']).toBe('Inkludo anskaffelseskontroll');

    const valid = spawnSync(bin('office-addin-manifest'), ['validate', join(out, 'manifest.json')], { encoding: 'utf8' });
    expect(valid.status, `${valid.stdout}\n${valid.stderr}`).toBe(0);

    // The validator does reject a broken manifest, so the pass above means something.
    writeFileSync(join(out, 'broken.json'), JSON.stringify({ ...json, id: undefined }));
    expect(spawnSync(bin('office-addin-manifest'), ['validate', join(out, 'broken.json')], { encoding: 'utf8' }).status).not.toBe(0);
  });
});
