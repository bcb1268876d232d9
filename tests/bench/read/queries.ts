/** The dashboard questions of `bench:read`, as the council's web page asks them. */
const BUDGET = 'budget { budgetVnd disbursedVnd disbursementRate commitments noDisbursementReport }';
const COUNTS = `byStatus { status count } bySchedule { schedule count } onTimeRate total ${BUDGET}`;
const PROVINCE = 'code name answeredForBy';

export const TRACK_DASHBOARD = `query Track($track: Track!, $asOf: DateTime) {
  trackDashboard(track: $track, asOf: $asOf) {
    track asOfDay ${COUNTS}
    indicators { unit commitments reported noReport target actual }
    byProvince { province { ${PROVINCE} } made received active overdue fulfilled }
    upcomingDeadlines { id title deadline daysLeft schedule committer { code } }
  }
}`;

export const PROVINCE_SCORECARD = `query Scorecard($province: String!, $asOf: DateTime) {
  provinceScorecard(province: $province, asOf: $asOf) {
    province { ${PROVINCE} } asOfDay made received internal fulfilledOnTime fulfilledLate overdue inTerm dueSoon atRisk cancelled
    fulfilmentRate averageDelayDays ${BUDGET}
    noReportSince { days since commitment { id title } }
  }
}`;

export const REGION_OVERVIEW = `query Region($asOf: DateTime) {
  regionOverview(asOf: $asOf) {
    asOfDay
    tracks { track ${COUNTS} }
    matrix { provinces { code } cells { committer counterparty count } }
    overdue { id track deadline daysOverdue committer { code } }
  }
}`;

const TRACKS = ['TRANSPORT', 'HEALTH', 'WORKFORCE'] as const;
const PROVINCES = ['79', '74', '75', '77', '70', '72', '80', '83'] as const;

/** The `i`-th dashboard request body of a rotation over every track, province and the overview. */
export function dashboardBody(i: number, asOf?: string): { body: string; field: string } {
  const k = i % (TRACKS.length + PROVINCES.length + 1);
  const at = asOf ? { asOf } : {};
  if (k < TRACKS.length) return { field: 'trackDashboard', body: JSON.stringify({ query: TRACK_DASHBOARD, variables: { track: TRACKS[k], ...at } }) };
  if (k < TRACKS.length + PROVINCES.length)
    return { field: 'provinceScorecard', body: JSON.stringify({ query: PROVINCE_SCORECARD, variables: { province: PROVINCES[k - TRACKS.length], ...at } }) };
  return { field: 'regionOverview', body: JSON.stringify({ query: REGION_OVERVIEW, variables: at }) };
}
