import { formatOrgnr, parseOrgnr } from '../../core/index.ts';
import { CliError, EXIT_FINDINGS, EXIT_OK, type Command } from '../command.ts';
import { json } from '../io.ts';

export const orgnrCommand: Command = {
  name: 'orgnr',
  usage: 'orgnr NUMBER... [--country NO|SE] [--json]',
  options: { country: { type: 'string' } },
  async run({ values, positionals }, ctx) {
    if (positionals.length === 0) throw new CliError('cli.orgnr.required');
    const country = typeof values.country === 'string' ? values.country : null;
    const results = positionals.map((raw) => parseOrgnr(raw, country));
    if (values.json) ctx.out(json(results));
    else {
      for (const r of results) {
        ctx.out(
          r.digits && r.jurisdiction
            ? ctx.t('orgnr.valid', { orgnr: formatOrgnr(r.digits, r.jurisdiction), country: ctx.t(`orgnr.country.${r.jurisdiction}`) })
            : ctx.t(`orgnr.problem.${r.problem}`, { raw: r.raw }),
        );
      }
    }
    return results.every((r) => r.digits !== null) ? EXIT_OK : EXIT_FINDINGS;
  },
};
