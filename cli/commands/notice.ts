import {
  assessNotice,
  DEFAULT_XML_LIMITS,
  decodeNotice,
  noticeJson,
  readNotice,
  summariseNotice,
} from '../../core/index.ts';
import { CliError, EXIT_OK, type Command } from '../command.ts';
import { loadRegistry } from '../registry-file.ts';
import { RULES_OPTION, json, readInputFile, rulesOption, stringOption } from '../io.ts';

/** `inkludo notice FILE.xml`: what an eForms notice says about reservation, social signals, buyers and winners. */
export const noticeCommand: Command = {
  name: 'notice',
  usage: 'notice FILE.xml [--json] [--registry FILE.(csv|json)] [--rules PACK.json|https://…]',
  options: { registry: { type: 'string' }, ...RULES_OPTION },
  async run({ values, positionals }, ctx) {
    const [path] = positionals;
    if (path === undefined) throw new CliError('error.missing-argument', { name: 'FILE.xml' });
    const bytes = await readInputFile(path);
    // Checked on the bytes before decoding: a text is never shorter in bytes than in characters.
    if (bytes.length > DEFAULT_XML_LIMITS.maxChars) throw new CliError('notice.error.too-large', { limit: DEFAULT_XML_LIMITS.maxChars });
    const decoded = decodeNotice(bytes);
    if (!decoded.ok) throw new CliError(decoded.error.messageKey, decoded.error.params);
    const read = readNotice(decoded.text);
    if (!read.ok) throw new CliError(read.error.messageKey, read.error.params);
    const registryPath = stringOption(values, 'registry');
    const registry = registryPath === undefined ? null : await loadRegistry(registryPath, ctx);
    const assessment = assessNotice(read.notice, registry, await rulesOption(values, ctx));
    if (values.json) ctx.out(json(noticeJson(read.notice, assessment)));
    else ctx.out(summariseNotice(read.notice, assessment, ctx.t).join('\n'));
    return EXIT_OK;
  },
};
