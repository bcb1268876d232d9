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

// Provincial portals: evidence is published where the acting province publishes its documents.
const PORTALS: Readonly<Record<string, string>> = {
  '79': 'hochiminhcity.gov.vn',
  '74': 'binhduong.gov.vn',
  '75': 'dongnai.gov.vn',
  '77': 'baria-vungtau.gov.vn',
  '70': 'binhphuoc.gov.vn',
  '72': 'tayninh.gov.vn',
  '80': 'longan.gov.vn',
  '83': 'bentre.gov.vn',
  '86': 'vinhlong.gov.vn',
};

/** A link to a document the acting province published for the council. */
export function evidenceLink(code: string, path: string): string {
  const portal = PORTALS[code];
  if (!portal) throw new Error(`no portal known for province ${code}`);
  return `https://${portal}/hoi-dong-vung-dong-nam-bo/${path}`;
}
