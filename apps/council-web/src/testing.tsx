import type { ReactNode } from 'react';
import { Client, fetchExchange } from 'urql';
import type { Identity } from './api.js';
import type { Locale } from './format.js';
import { I18nProvider } from './i18n.js';
import { RouterProvider } from './router.js';
import { StaticSession } from './session.js';

/** What the fake API answers to one operation, by its operation name. */
export type FakeAnswer = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };

export interface FakeApi {
  readonly client: Client;
  /** The operations sent, in order: name and variables. */
  readonly sent: { operationName: string; variables: Record<string, unknown> }[];
}

/** A real urql client whose fetch answers from `answers` (as POST /graphql would), for component tests. */
export function fakeApi(answers: Record<string, FakeAnswer | ((variables: Record<string, unknown>) => FakeAnswer)>): FakeApi {
  const sent: FakeApi['sent'] = [];
  const fetch = async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { operationName: string; variables: Record<string, unknown> };
    sent.push({ operationName: body.operationName, variables: body.variables ?? {} });
    const answer = answers[body.operationName];
    const json = typeof answer === 'function' ? answer(body.variables ?? {}) : (answer ?? { errors: [{ message: `no fake answer for ${body.operationName}` }] });
    // jsdom has no Response: the little of one that urql reads.
    const text = JSON.stringify(json);
    return { status: 200, statusText: 'OK', headers: new Headers({ 'content-type': 'application/json' }), text: async () => text } as unknown as Response;
  };
  return { client: new Client({ url: 'http://localhost/graphql', preferGetMethod: false, exchanges: [fetchExchange], fetch }), sent };
}

export const COUNCIL: Identity = { subject: 'demo-council', name: 'Nguyễn Văn Thành', roles: ['COUNCIL'], provinceCode: null };
export const AUDITOR: Identity = { subject: 'demo-auditor', name: 'Trần Thị Ngọc Ánh', roles: ['AUDITOR'], provinceCode: null };
export const official = (provinceCode: string): Identity => ({ subject: `demo-province-${provinceCode}`, name: 'Cán bộ', roles: ['PROVINCE'], provinceCode });

/** The providers the dashboard's pages expect, around one signed-in caller. */
export function Harness({ api, me, locale = 'vi', children }: { api: FakeApi; me: Identity; locale?: Locale; children: ReactNode }) {
  return (
    <I18nProvider initial={locale}>
      <RouterProvider>
        <StaticSession client={api.client} me={me}>
          {children}
        </StaticSession>
      </RouterProvider>
    </I18nProvider>
  );
}
