/**
 * Notices parsed per second on the largest eForms fixture (a 288 KB, 8-lot Norwegian contract
 * notice), reading plus assessment, and the reader alone on a hostile input that hits the depth cap.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assessNotice, readNotice } from '../../core/index.ts';
import { measure, report } from './harness.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const FILE = 'doffin-via-ted-and-doffin-to-ocds/ContractNotice_cn-social_2024-102327.xml';
const xml = readFileSync(path.resolve(repoRoot, '../shared/fixtures/eforms', FILE), 'utf8');
const BATCH = 20;

function readAll(text: string): void {
  for (let i = 0; i < BATCH; i++) {
    const r = readNotice(text);
    if (r.ok) assessNotice(r.notice);
  }
}

if (!readNotice(xml).ok) throw new Error(`${FILE} must parse`);
console.log(`input: ${FILE} (${(xml.length / 1024).toFixed(0)} KB), ${BATCH} notices per run`);
report(await measure('read + assess, largest fixture', () => readAll(xml), 9, 2), { count: BATCH, unit: 'notices' });

// 10 000 nested elements inside the same notice: rejected at depth 65 without building the rest.
const deep = xml.replace('<cbc:ID', `${'<cbc:X>'.repeat(10_000)}${'</cbc:X>'.repeat(10_000)}<cbc:ID`);
report(await measure('reject deep nesting (10 000 levels)', () => readAll(deep), 9, 2), { count: BATCH, unit: 'notices' });
