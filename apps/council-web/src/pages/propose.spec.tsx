/** @jest-environment jsdom */
import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { COUNCIL, fakeApi, Harness, official } from '../testing.js';
import { ProposePage } from './propose.js';

const PROVINCES = {
  data: {
    provinces: [
      { code: '79', name: 'Thành phố Hồ Chí Minh', nameEn: 'Ho Chi Minh City', role: 'member', mergedInto: null },
      { code: '75', name: 'Tỉnh Đồng Nai', nameEn: 'Dong Nai', role: 'member', mergedInto: null },
      { code: '74', name: 'Tỉnh Bình Dương', nameEn: 'Binh Duong', role: null, mergedInto: '79' },
    ],
  },
};
const PROJECTS = { data: { projects: [{ id: 'vanh-dai-3', name: 'Vành đai 3', nameEn: 'Ring Road 3', track: 'transport', provinces: ['79', '75'] }] } };

/** The text of whatever describes a field (its error), as a screen reader announces it. */
const descriptionOf = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

afterEach(cleanup);

describe('the proposal form of a province official', () => {
  it('offers the provinces in force today as counterparties, never itself or a province merged away', async () => {
    render(
      <Harness api={fakeApi({ Provinces: PROVINCES, Projects: PROJECTS })} me={official('79')}>
        <ProposePage />
      </Harness>,
    );
    expect(await screen.findByLabelText(/Tỉnh Đồng Nai \(75\)/)).toBeTruthy();
    expect(screen.queryByLabelText(/Hồ Chí Minh \(79\)/)).toBeNull();
    expect(screen.queryByLabelText(/Bình Dương/)).toBeNull();
  });

  it('shows the API’s BAD_USER_INPUT next to the field it names, in Vietnamese, and focuses that field', async () => {
    const api = fakeApi({
      Provinces: PROVINCES,
      Projects: PROJECTS,
      Propose: { errors: [{ message: 'deadline: must be after the day of the proposal (2026-11-30)', extensions: { code: 'BAD_USER_INPUT', field: 'deadline' } }] },
    });
    render(
      <Harness api={api} me={official('79')}>
        <ProposePage />
      </Harness>,
    );
    fireEvent.change(screen.getByLabelText('Nội dung cam kết'), { target: { value: 'Bàn giao mặt bằng' } });
    fireEvent.click(await screen.findByLabelText(/Tỉnh Đồng Nai \(75\)/));
    fireEvent.change(screen.getByLabelText('Thời hạn'), { target: { value: '2020-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi đề xuất' }));
    const deadline = screen.getByLabelText('Thời hạn');
    await waitFor(() => expect(deadline.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(deadline)).toContain('phải sau ngày đề xuất (30/11/2026)');
    await waitFor(() => expect(document.activeElement).toBe(deadline));
    const sent = api.sent.find((s) => s.operationName === 'Propose')?.variables['input'] as Record<string, unknown>;
    expect(sent).toMatchObject({ track: 'TRANSPORT', title: 'Bàn giao mặt bằng', counterpartyProvinces: ['75'], deadline: '2020-01-01' });
    expect(screen.getByLabelText('Nội dung cam kết').getAttribute('aria-invalid')).toBeNull();
  });

  it('marks every field the five-point rule says is missing', async () => {
    render(
      <Harness
        api={fakeApi({
          Provinces: PROVINCES,
          Projects: PROJECTS,
          Propose: { errors: [{ message: 'title: a commitment must be clear on …: missing title, responsible.agency, indicator.target', extensions: { code: 'BAD_USER_INPUT', field: 'title' } }] },
        })}
        me={official('79')}
      >
        <ProposePage />
      </Harness>,
    );
    await screen.findByLabelText(/Tỉnh Đồng Nai \(75\)/);
    fireEvent.click(screen.getByRole('button', { name: 'Gửi đề xuất' }));
    await waitFor(() => expect(screen.getByLabelText('Nội dung cam kết').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByLabelText('Cơ quan chịu trách nhiệm').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Mục tiêu').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Thời hạn').getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('alert').textContent).toContain('xem các lỗi bên cạnh từng trường');
  });

  it('is not offered to the council', () => {
    render(
      <Harness api={fakeApi({ Provinces: PROVINCES, Projects: PROJECTS })} me={COUNCIL}>
        <ProposePage />
      </Harness>,
    );
    expect(screen.getByRole('alert').textContent).toBe('Chỉ cán bộ của tỉnh, thành mới đề xuất được cam kết.');
    expect(screen.queryByRole('button', { name: 'Gửi đề xuất' })).toBeNull();
  });
});
