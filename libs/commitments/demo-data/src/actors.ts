import type { Actor } from '@council/platform/event-sourcing';
import { provinceName, regionFrom, SOUTHEAST_REGION, successorOn } from '@council/region/domain';

export const COUNCIL_SECRETARIAT: Actor = {
  subject: 'to-thu-ky-hoi-dong-vung',
  roles: ['council'],
  name: 'Tổ Thư ký Hội đồng điều phối vùng Đông Nam Bộ',
};

/** The daily job that records a deadline passed while the promise was still open. */
export const DEADLINE_WATCHER: Actor = { subject: 'deadline-watcher', roles: ['system'], name: 'Theo dõi thời hạn' };

// Names and successors are looked up by date in the reference data, never hard-coded.
const reference = regionFrom(SOUTHEAST_REGION, COUNCIL_SECRETARIAT).region;

/** The province that answers for `code` on `day`: itself, or its successor after the 2025 mergers. */
export const actingProvince = (code: string, day: string): string => successorOn(reference, code, day);

/** The provincial People's Committee office that files a province's actions on `day`. */
export function provinceOffice(code: string, day: string): Actor {
  const name = provinceName(reference, code, day)?.name ?? code;
  return { subject: `vp-ubnd-${code}`, roles: ['province'], province: code, name: `Văn phòng UBND ${name.replace(/^Tỉnh /, 'tỉnh ')}` };
}

// Provincial portals by name: after 1 July 2025 code 80 is the new Tây Ninh and publishes there.
const PORTALS: Readonly<Record<string, string>> = {
  'Thành phố Hồ Chí Minh': 'hochiminhcity.gov.vn',
  'Tỉnh Bình Dương': 'binhduong.gov.vn',
  'Tỉnh Đồng Nai': 'dongnai.gov.vn',
  'Tỉnh Bà Rịa – Vũng Tàu': 'baria-vungtau.gov.vn',
  'Tỉnh Bình Phước': 'binhphuoc.gov.vn',
  'Tỉnh Tây Ninh': 'tayninh.gov.vn',
  'Tỉnh Long An': 'longan.gov.vn',
  'Tỉnh Bến Tre': 'bentre.gov.vn',
  'Tỉnh Vĩnh Long': 'vinhlong.gov.vn',
};

/** A link to a document the province published for the council on `day`, on its portal of that day. */
export function evidenceLink(code: string, day: string, path: string): string {
  const name = provinceName(reference, code, day)?.name ?? code;
  const portal = PORTALS[name];
  if (!portal) throw new Error(`no portal known for ${name}`);
  return `https://${portal}/hoi-dong-vung-dong-nam-bo/${path}`;
}
