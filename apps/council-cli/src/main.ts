import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module.js';

/**
 * council: the auditors' and operators' command line. Exit status 0: done and the record is
 * sound; 1: the record is wrong (verify found a problem, import refused); 2: usage or I/O error.
 */
await CommandFactory.run(CliModule, {
  logger: ['error'],
  cliName: 'council',
  errorHandler: (error: Error & { code?: string; exitCode?: number }) => {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') process.exit(0);
    process.stderr.write(error.code?.startsWith('commander.') ? '' : `council: ${error.message}\n`);
    process.exit(2);
  },
  serviceErrorHandler: (error: Error) => {
    process.stderr.write(`council: ${error.message}\n`);
    process.exit(2);
  },
});
