import { Command, CommandRunner, Option } from 'nest-commander';
import { sealReference } from '@council/audit/domain';
import { sealLog } from '@council/audit/feature';
import { SystemClock } from '@council/platform/event-sourcing';
import { type CommonOptions, emit, openStore, progressBar, runCommand } from '../cli-support.js';

@Command({ name: 'seal', description: 'Seal the log up to its head now; print the seal to hand outside the platform' })
export class SealCommand extends CommandRunner {
  async run(_params: string[], options: CommonOptions & { by?: string }): Promise<void> {
    await runCommand(async () => {
      const clock = new SystemClock();
      const { store } = await openStore(options, { clock });
      try {
        const bar = progressBar(options, 'seal');
        const seal = await sealLog(store, clock, { subject: options.by ?? 'council-cli', roles: ['system'], name: 'council seal (command line)' }, (d, t) => bar.update(Number(d), Number(t)));
        bar.stop();
        const reference = sealReference(seal);
        emit(options, { ...seal, reference }, [`seal #${seal.sequence} over ${seal.eventCount} events, position ${seal.position}, at ${seal.sealedAt}`, `hash: ${seal.hash}`, `keep it outside the platform; check later with: council verify --seal ${reference}`, reference].join('\n'));
      } finally {
        await store.close();
      }
    });
  }

  @Option({ flags: '--by <subject>', description: 'who seals (recorded as the actor; default council-cli)' })
  parseBy(value: string): string {
    return value;
  }

  @Option({ flags: '-d, --data-dir <dir>', description: 'the server’s data directory (default: DATA_DIR or ./data)' })
  parseDataDir(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'print the seal as JSON' })
  parseJson(): boolean {
    return true;
  }
}
