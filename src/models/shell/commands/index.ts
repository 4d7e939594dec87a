/** The terminal's command table: every command a student can type, in `help` order. */
import type { CommandDef } from '../core/command';
import { aws } from './aws';
import { clear, exit, help, history } from './builtins';
import { curl } from './curl';
import { dig, nslookup } from './dns';
import { cat, tail } from './files';
import { kubectl } from './kubectl';
import { nginx } from './nginx';

export const COMMANDS: readonly CommandDef[] = [dig, nslookup, curl, kubectl, aws, nginx, tail, cat, help, history, clear, exit];
