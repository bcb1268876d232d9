import { Command, CommandRunner, Option } from 'nest-commander';
import { DEVELOPMENT_JWT_SECRET, issueDemoTokens, ROLES, type Role } from '@council/platform/nest';
import { CliError, type CommonOptions, emit, runCommand } from '../cli-support.js';

interface TokenOptions extends CommonOptions {
  readonly role?: Role;
  readonly province?: string;
  readonly subject?: string;
  readonly name?: string;
  readonly days?: number;
}

@Command({ name: 'token', description: 'Sign a development token for a role (and province) with AUTH_JWT_SECRET' })
export class TokenCommand extends CommandRunner {
  async run(_params: string[], options: TokenOptions): Promise<void> {
    await runCommand(async () => {
      if (process.env['NODE_ENV'] === 'production') throw new CliError('no development tokens in production');
      const role = options.role;
      if (!role) throw new CliError(`--role is required: ${ROLES.join(', ')}`);
      if (role === 'province' && !options.province) throw new CliError('--province <code> is required with --role province');
      const secret = process.env['AUTH_JWT_SECRET'] || DEVELOPMENT_JWT_SECRET;
      const subject = options.subject ?? `cli-${role}${options.province ? `-${options.province}` : ''}`;
      const [issued] = await issueDemoTokens({
        secret,
        now: new Date(),
        validForSeconds: (options.days ?? 1) * 86_400,
        identities: [{ subject, name: options.name ?? subject, roles: [role], ...(options.province && { province: options.province }), label: subject }],
      });
      emit(options, { token: issued!.token, subject, roles: [role], province: options.province ?? null, expiresAt: issued!.expiresAt }, issued!.token);
    });
  }

  @Option({ flags: '--role <role>', description: `one of ${ROLES.join(', ')}` })
  parseRole(value: string): Role {
    if (!(ROLES as readonly string[]).includes(value)) throw new CliError(`--role must be one of ${ROLES.join(', ')} (got ${value})`);
    return value as Role;
  }

  @Option({ flags: '--province <code>', description: 'the official code, e.g. 79 (with --role province)' })
  parseProvince(value: string): string {
    return value;
  }

  @Option({ flags: '--subject <sub>', description: 'the token’s subject (default cli-<role>)' })
  parseSubject(value: string): string {
    return value;
  }

  @Option({ flags: '--name <name>', description: 'the person’s name' })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--days <n>', description: 'valid for this many days (default 1)' })
  parseDays(value: string): number {
    const days = Number(value);
    if (!Number.isInteger(days) || days < 1 || days > 366) throw new CliError('--days must be a whole number from 1 to 366');
    return days;
  }

  @Option({ flags: '--json', description: 'print the token with its claims as JSON' })
  parseJson(): boolean {
    return true;
  }
}
