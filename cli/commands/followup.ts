import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  BUYER_KINDS,
  CONTRACT_KINDS,
  describeCheck,
  followupCalendar,
  followupDates,
  followupEvents,
  type BuyerKind,
  type ContractKind,
  type DueCheck,
  type PurchaseJurisdiction,
} from '../../core/index.ts';
import { CliError, EXIT_FINDINGS, EXIT_OK, type CliContext, type Command } from '../command.ts';
import { RULES_OPTION, choiceOption, dateOption, json, rulesOption, samePath, stringOption } from '../io.ts';
import { loadRegistry } from '../registry-file.ts';
import { loadSheet } from './check.ts';

function checkLine(ctx: CliContext, c: DueCheck): string {
  const { summary, detail } = describeCheck(ctx.lang, c);
  return `  ${c.due ?? '----------'}  ${summary} (${ctx.t('followup.cli.row', { row: c.row })})\n      ${detail}`;
}

/** `inkludo followup REGISTER`: when reserved contracts must be re-checked and employment requirements reported on. */
export const followupCommand: Command = {
  name: 'followup',
  usage: 'followup FILE.(xlsx|csv) --jurisdiction NO|SE [--ics OUT.ics] [--json] [--date YYYY-MM-DD] [--registry FILE] [--sheet NAME] [--buyer state|municipal] [--kind KIND] [--rules PACK.json]',
  options: {
    ics: { type: 'string' },
    jurisdiction: { type: 'string', short: 'j' },
    date: { type: 'string' },
    registry: { type: 'string' },
    sheet: { type: 'string' },
    buyer: { type: 'string' },
    kind: { type: 'string' },
    ...RULES_OPTION,
  },
  async run({ values, positionals }, ctx) {
    const [path] = positionals;
    if (path === undefined) throw new CliError('followup.cli.file-required');
    const jurisdiction = choiceOption<PurchaseJurisdiction>(values, 'jurisdiction', ['NO', 'SE']);
    if (!jurisdiction) throw new CliError('followup.cli.jurisdiction-required');
    const ics = stringOption(values, 'ics');
    const registryPath = stringOption(values, 'registry');
    // Checked before anything is read or written: no input is ever overwritten.
    const inputs = [path, registryPath, ...[values.rules].flat()].filter((p): p is string => typeof p === 'string');
    if (ics !== undefined) for (const input of inputs) if (await samePath(input, ics)) throw new CliError('followup.cli.ics-is-input', { path: input });
    const rules = await rulesOption(values, ctx);
    const registry = registryPath === undefined ? null : await loadRegistry(registryPath, ctx);
    const loaded = await loadSheet(path, stringOption(values, 'sheet'), ctx);
    const report = followupDates(loaded.cells, {
      jurisdiction,
      date: dateOption(values),
      buyer: choiceOption<BuyerKind>(values, 'buyer', BUYER_KINDS),
      defaultContractKind: choiceOption<ContractKind>(values, 'kind', CONTRACT_KINDS),
      sheetName: loaded.sheet,
      delimitedText: loaded.kind === 'csv',
      rules,
      registry: registry?.lookup ?? null,
      suppliers: registry?.lookup ?? null,
    });
    if (report.headerRow === 0) throw new CliError('followup.cli.no-header', { sheet: loaded.sheet });
    const overdue = report.checks.filter((c) => c.overdue);
    // Overdue or undated checks need action now, the way error findings do in `inkludo check`.
    const exit = overdue.length > 0 ? EXIT_FINDINGS : EXIT_OK;
    if (ics !== undefined) {
      try {
        await writeFile(ics, followupCalendar(report, ctx.lang, new Date()), 'utf8');
      } catch (error) {
        throw new CliError('followup.cli.ics-unwritable', { path: ics, detail: (error as Error).message });
      }
    }
    if (values.json) {
      // With --json, stdout is one JSON document: each check with its text in the chosen language.
      ctx.out(json({ sheet: loaded.sheet, ...report, checks: report.checks.map((c) => ({ ...c, ...describeCheck(ctx.lang, c) })) }));
      return exit;
    }

    const lines = [
      ctx.t('followup.cli.header', {
        sheet: loaded.sheet,
        date: report.date,
        reserved: report.reservedContracts,
        employment: report.employmentContracts,
        ended: report.ended,
        checks: report.checks.length,
      }),
    ];
    const upcoming = report.checks.filter((c) => !c.overdue);
    if (report.checks.length === 0) lines.push(ctx.t('followup.cli.none'));
    if (overdue.length) lines.push(ctx.t('followup.cli.overdue'), ...overdue.map((c) => checkLine(ctx, c)));
    if (upcoming.length) lines.push(ctx.t('followup.cli.upcoming'), ...upcoming.map((c) => checkLine(ctx, c)));
    if (ics !== undefined) {
      lines.push(ctx.t('followup.cli.written', { path: resolve(ics), events: followupEvents(report, ctx.lang).length }));
    }
    ctx.out(lines.join('\n'));
    return exit;
  },
};
