import type { Command } from '../command.ts';
import { rulesCommand } from './rules.ts';
import { classifyCommand } from './classify.ts';
import { orgnrCommand } from './orgnr.ts';
import { registryCommand } from './registry.ts';
import { noticeCommand } from './notice.ts';
import { checkCommand } from './check.ts';
import { evidenceCommand } from './evidence.ts';
import { followupCommand } from './followup.ts';

/** Every `inkludo` sub-command. A new command adds its file here and one line below. */
export const COMMANDS: readonly Command[] = [
  rulesCommand,
  classifyCommand,
  orgnrCommand,
  registryCommand,
  noticeCommand,
  checkCommand,
  evidenceCommand,
  followupCommand,
];
