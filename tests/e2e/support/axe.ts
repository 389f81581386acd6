/**
 * axe-core in an extension page. The page's CSP forbids inline scripts, so the library is evaluated
 * through the DevTools protocol (page.evaluate), which the CSP does not govern.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../../support/paths.ts';

const AXE_SOURCE = readFileSync(resolve(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/**
 * Violations of impact serious or critical (WCAG 2.x A/AA and best practices), in the whole page or
 * only within the elements `include` selects (e.g. the Inkludo panel on a portal page).
 */
export async function seriousViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (selector) => {
    const axe = (globalThis as unknown as { axe: { run(context: Document | { include: string[][] }): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const { violations } = await axe.run(selector ? { include: [[selector]] } : document);
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  }, include);
}
