import { Inject, Injectable } from '@nestjs/common';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { type CommitmentView, type DashboardOptions, provinceScorecard, regionOverview, trackDashboard } from '@council/commitments/read-models';
import { Clock, NotFoundError, vietnamDate } from '@council/platform/event-sourcing';
import { AnswerVersion, DateScalar, DateTimeScalar } from '@council/platform/nest';
import { RegionReader } from '@council/region/feature';
import type { Region } from '@council/region/domain';
import { CommitmentPresenter } from '../commitment/commitment-presenter.js';
import { Track } from '../commitment/commitment.model.js';
import { CommitmentViews } from './commitment-views.js';
import { toProvinceScorecard, toRegionOverview, toTrackDashboard } from './dashboards.mapper.js';
import { ProjectDashboard, ProvinceScorecard, ProvinceView, RegionOverview, TrackDashboard } from './dashboards.model.js';

const AS_OF = { type: () => DateTimeScalar, nullable: true, description: 'Answer exactly as the platform would have at this moment (default: now).' } as const;
const EFFECTIVE_AS_OF = {
  type: () => DateScalar,
  nullable: true,
  description: 'Answer as things were on the ground at the end of this day (Việt Nam): only facts effective by then, such as a report for that quarter filed later; schedules judged on this day. With asOf, only facts recorded by asOf.',
} as const;
const PROVINCES = { type: () => ProvinceView, nullable: true, defaultValue: ProvinceView.AS_THEY_ARE } as const;
/** Answers kept for reuse while the views, the region and the day stay the same. */
const REMEMBERED_ANSWERS = 256;

/**
 * The dashboards whose whole answers the GraphQL platform may keep (`answerCache`):
 * each depends only on its arguments, on the commitment views (whose stamp moves with the
 * read models' position, and so with every event, the region's included) and on the day
 * in Việt Nam. Not projectDashboard: its commitments go through the presenter.
 */
@Injectable()
export class DashboardsAnswerVersion extends AnswerVersion {
  readonly fields = ['Query.trackDashboard', 'Query.provinceScorecard', 'Query.regionOverview'];

  constructor(
    @Inject(CommitmentViews) private readonly views: CommitmentViews,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    super();
  }

  version(): string | undefined {
    const stamp = this.views.stamp();
    return stamp === undefined ? undefined : `${stamp}|${vietnamDate(this.clock.now())}`;
  }
}

/** The council's dashboards, computed from the commitment views as they stand or stood. */
@Resolver()
export class DashboardsResolver {
  constructor(
    @Inject(CommitmentViews) private readonly views: CommitmentViews,
    @Inject(RegionReader) private readonly region: RegionReader,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(CommitmentPresenter) private readonly presenter: CommitmentPresenter,
  ) {}

  private readonly answers = new Map<string, { stamp: string; region: Region; answer: Promise<unknown> }>();
  /** The views being read as of a moment (by moment), while dashboards computed from them are running. */
  private readonly reading = new Map<string, { stamp: string; views: Promise<readonly CommitmentView[]>; users: number }>();

  @Query(() => TrackDashboard, { description: 'One track: counts by status, on-time rate, indicator totals, budget vs disbursed, provinces, upcoming deadlines.' })
  async trackDashboard(
    @Args('track', { type: () => Track }) track: Track,
    @Args('asOf', AS_OF) asOf?: Date | null,
    @Args('effectiveAsOf', EFFECTIVE_AS_OF) effectiveAsOf?: string | null,
    @Args('provinces', PROVINCES) provinces?: ProvinceView | null,
  ): Promise<TrackDashboard> {
    return this.remember(['track', track, asOf, effectiveAsOf, provinces], (region) =>
      this.withViews(asOf, effectiveAsOf, provinces, (views, today, options) => toTrackDashboard(trackDashboard(views, track, today, region, options), region)),
    );
  }

  @Query(() => ProvinceScorecard, { description: 'How a province keeps its word: made and received, fulfilled on time or late, overdue, rates, reports.' })
  async provinceScorecard(
    @Args('province', { type: () => String, description: 'Official code, e.g. "74".' }) province: string,
    @Args('asOf', AS_OF) asOf?: Date | null,
    @Args('effectiveAsOf', EFFECTIVE_AS_OF) effectiveAsOf?: string | null,
    @Args('provinces', PROVINCES) provinces?: ProvinceView | null,
  ): Promise<ProvinceScorecard> {
    return this.remember(['province', province, asOf, effectiveAsOf, provinces], (region) =>
      this.withViews(asOf, effectiveAsOf, provinces, (views, today, options) => {
        if (!region.provinces[province]) throw new NotFoundError(`no province ${province}`);
        return toProvinceScorecard(provinceScorecard(views, province, today, region, options), region);
      }),
    );
  }

  @Query(() => RegionOverview, { description: 'Each track summarised, the province × province matrix of commitments, and what is overdue.' })
  async regionOverview(
    @Args('asOf', AS_OF) asOf?: Date | null,
    @Args('effectiveAsOf', EFFECTIVE_AS_OF) effectiveAsOf?: string | null,
    @Args('provinces', PROVINCES) provinces?: ProvinceView | null,
  ): Promise<RegionOverview> {
    return this.remember(['region', asOf, effectiveAsOf, provinces], (region) =>
      this.withViews(asOf, effectiveAsOf, provinces, (views, today, options) => toRegionOverview(regionOverview(views, today, region, options), region)),
    );
  }

  /**
   * The answer computed before for the same question, when the views (their stamp), the
   * region and the day are still those it was computed from; otherwise computes it. The
   * answer is kept as soon as its computation starts, so the same question asked again
   * meanwhile (sixteen dashboards opening at once) waits for that one computation instead
   * of starting its own; a failed computation is forgotten.
   */
  private async remember<T>(question: readonly unknown[], compute: (region: Region) => Promise<T>): Promise<T> {
    const stamp = this.views.stamp();
    const region = await this.region.current();
    if (stamp === undefined) return compute(region);
    const today = vietnamDate(this.clock.now());
    const key = JSON.stringify([...question.map((q) => (q instanceof Date ? q.toISOString() : (q ?? null))), today]);
    const known = this.answers.get(key);
    if (known && known.stamp === stamp && known.region === region) return known.answer as Promise<T>;
    const answer = compute(region);
    const entry = { stamp, region, answer };
    this.answers.delete(key);
    this.answers.set(key, entry);
    if (this.answers.size > REMEMBERED_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
    answer.catch(() => this.answers.get(key) === entry && this.answers.delete(key));
    return answer;
  }

  @Query(() => ProjectDashboard, { description: 'One regional project: its commitments with the counts, indicator totals, money and deadlines of a track dashboard.' })
  async projectDashboard(
    @Args('id', { type: () => String, description: 'The project id, e.g. "vanh-dai-3".' }) id: string,
    @Args('asOf', AS_OF) asOf?: Date | null,
    @Args('effectiveAsOf', EFFECTIVE_AS_OF) effectiveAsOf?: string | null,
    @Args('provinces', PROVINCES) provinces?: ProvinceView | null,
  ): Promise<ProjectDashboard> {
    return this.remember(['project', id, asOf, effectiveAsOf, provinces], (region) =>
      this.withViews(asOf, effectiveAsOf, provinces, async (views, today, options) => {
        const project = region.projects[id];
        if (!project) throw new NotFoundError(`no project ${id}`);
        const own = views.filter((v) => v.projectId === id);
        return {
          ...toTrackDashboard(trackDashboard(own, project.track, today, region, options), region),
          project: { id: project.projectId, name: project.name, track: project.track, provinces: [...project.provinces], ...(project.nameEn && { nameEn: project.nameEn }) },
          commitments: await this.presenter.presentAllOn(own, today),
        };
      }),
    );
  }

  /**
   * The views to judge, the day in Việt Nam schedules are judged on, and which provinces to
   * count by. Dashboards asked about the same moment at the same time (the overview page
   * asks four in one document) share one read of the views as of it, and so one judgement
   * of them (the read models' `judgementOf`); the read is let go of once the last of them
   * is done, so nothing more is kept between questions.
   */
  private async withViews<T>(
    asOf: Date | null | undefined,
    effectiveAsOf: string | null | undefined,
    provinces: ProvinceView | null | undefined,
    compute: (views: readonly CommitmentView[], today: string, options: DashboardOptions) => T | Promise<T>,
  ): Promise<T> {
    const today = effectiveAsOf ?? vietnamDate(asOf ?? this.clock.now());
    const options = { provinces: provinces ?? ProvinceView.AS_THEY_ARE };
    const read = () => (effectiveAsOf ? this.views.effectiveOn(effectiveAsOf, asOf ?? undefined) : asOf ? this.views.asOf(asOf) : this.views.current());
    const stamp = this.views.stamp();
    // The current views are one array while they stand (CommitmentViews): nothing to share.
    if (stamp === undefined || (!asOf && !effectiveAsOf)) return compute(await read(), today, options);
    const key = `${asOf?.toISOString() ?? ''}|${effectiveAsOf ?? ''}`;
    let reading = this.reading.get(key);
    if (!reading || reading.stamp !== stamp) {
      reading = { stamp, views: read(), users: 0 };
      this.reading.set(key, reading);
    }
    reading.users += 1;
    try {
      return await compute(await reading.views, today, options);
    } finally {
      reading.users -= 1;
      if (reading.users === 0 && this.reading.get(key) === reading) this.reading.delete(key);
    }
  }
}
