import { Module } from '@nestjs/common';
import { BackupCommand } from './commands/backup.command.js';
import { ExportCommand } from './commands/export.command.js';
import { ImportCommand } from './commands/import.command.js';
import { ReplayCommand } from './commands/replay.command.js';
import { SealCommand } from './commands/seal.command.js';
import { TokenCommand } from './commands/token.command.js';
import { VerifyCommand } from './commands/verify.command.js';

/** The commands; each opens what it needs (the log, read models) itself and closes it. */
@Module({ providers: [VerifyCommand, SealCommand, ExportCommand, ImportCommand, BackupCommand, TokenCommand, ReplayCommand] })
export class CliModule {}
