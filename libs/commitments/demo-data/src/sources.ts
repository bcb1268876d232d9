import type { LegalBasis } from '@council/region/domain';

/** Documents the commitments cite; numbers, dates and issuers as published. */
export const NQ_24_TW: LegalBasis = { number: '24-NQ/TW', date: '2022-10-07', issuer: 'Bộ Chính trị' };
export const NQ_154_CP: LegalBasis = { number: '154/NQ-CP', date: '2022-11-23', issuer: 'Chính phủ' };
export const NQ_57_QH15: LegalBasis = { number: '57/2022/QH15', date: '2022-06-16', issuer: 'Quốc hội' };
export const NQ_98_QH15: LegalBasis = { number: '98/2023/QH15', date: '2023-06-24', issuer: 'Quốc hội' };
export const QD_370_TTG: LegalBasis = { number: '370/QĐ-TTg', date: '2024-05-04', issuer: 'Thủ tướng Chính phủ' };
export const TB_465_VPCP: LegalBasis = { number: '465/TB-VPCP', date: '2024-10-16', issuer: 'Văn phòng Chính phủ' };
