import { Inject, Optional } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { EventStore, ReadModels } from '@council/platform/event-sourcing';
import { type IntegrityProblem as Problem, parseSealReference } from '@council/audit/domain';
import { IntegrityProblemKind, IntegrityReport, type IntegrityProblem } from './integrity-report.model.js';
import { checkReadModels, verifyLog } from './verify-log.js';

@Resolver()
export class VerifyIntegrityResolver {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Optional() @Inject(ReadModels) private readonly readModels?: ReadModels,
  ) {}

  @Query(() => IntegrityReport, { description: 'Every hash chain, position and seal of the log, and the read models against a fresh rebuild (auditor).' })
  async verifyIntegrity(
    @Args('seals', { type: () => [String], nullable: true, description: 'Seals held outside the platform, as `hash@position`.' }) seals?: string[] | null,
  ): Promise<IntegrityReport> {
    const outside = (seals ?? []).map(parseSealReference);
    const health = await this.store.health();
    const log = await verifyLog(this.store, { outside, contiguousPositions: health.adapter === 'sqlite' });
    const readModels = this.readModels ? await checkReadModels(this.readModels) : { ok: true, position: 0n, tables: [], skipped: 'no read models on this node' };
    const problems = log.problems.map(toProblem);
    return {
      ...log,
      ok: log.ok && readModels.ok,
      ...(problems[0] && { firstProblem: problems[0] }),
      problems,
      seals: log.seals.map((s) => ({ position: s.position, hash: s.hash, outside: s.outside, ok: s.ok, ...(s.sequence !== null && { sequence: s.sequence }) })),
      readModels: { ...readModels, tables: readModels.tables.map((t) => ({ table: t.table, equal: t.equal, ...(t.live && { live: t.live }), ...(t.rebuilt && { rebuilt: t.rebuilt }) })) },
    };
  }
}

const toProblem = (p: Problem): IntegrityProblem => ({
  kind: p.kind as IntegrityProblemKind,
  position: p.position,
  message: p.message,
  ...(p.streamId !== null && { streamId: p.streamId }),
  ...(p.revision !== null && { revision: Number(p.revision) }),
});
