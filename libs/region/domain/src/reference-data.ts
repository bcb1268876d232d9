import type { LegalBasis } from './region/region.events.js';
import type { RegionCommand } from './region/region.commands.js';

/** A reference fact with the moment it took effect on the ground. */
export interface DatedRegionCommand {
  readonly effectiveOn: string;
  readonly command: Pick<RegionCommand, 'type' | 'data'>;
}

const COUNCIL_FOUNDED = '2023-07-18';
const RESOLUTION_202: LegalBasis = {
  number: '202/2025/QH15',
  date: '2025-06-12',
  issuer: 'Quốc hội (National Assembly)',
};

const province = (code: string, name: string, nameEn: string, registeredOn: string): DatedRegionCommand => ({
  effectiveOn: registeredOn,
  command: { type: 'RegisterProvince', data: { code, name, nameEn, registeredOn } },
});
const membership = (code: string, role: 'member' | 'partner', from: string): DatedRegionCommand => ({
  effectiveOn: from,
  command: { type: 'GrantMembership', data: { code, role, from } },
});
const project = (projectId: string, name: string, nameEn: string, track: string, provinces: string[], on: string): DatedRegionCommand => ({
  effectiveOn: on,
  command: { type: 'RegisterProject', data: { projectId, name, nameEn, track, provinces } },
});

/**
 * The Southeast region as the council's documents describe it: member provinces with
 * their official codes (2023–2025), partners outside the region, the regional projects,
 * and the provincial mergers of Resolution 202/2025/QH15 (in force from 1 July 2025;
 * unit codes under QĐ 19/2025/QĐ-TTg). Recorded as commands so every fact is validated.
 */
export const SOUTHEAST_REGION: readonly DatedRegionCommand[] = [
  province('79', 'Thành phố Hồ Chí Minh', 'Ho Chi Minh City', '1976-07-02'),
  province('74', 'Tỉnh Bình Dương', 'Binh Duong Province', '1997-01-01'),
  province('75', 'Tỉnh Đồng Nai', 'Dong Nai Province', '1976-07-02'),
  province('77', 'Tỉnh Bà Rịa – Vũng Tàu', 'Ba Ria – Vung Tau Province', '1991-08-12'),
  province('70', 'Tỉnh Bình Phước', 'Binh Phuoc Province', '1997-01-01'),
  province('72', 'Tỉnh Tây Ninh', 'Tay Ninh Province', '1976-07-02'),
  province('80', 'Tỉnh Long An', 'Long An Province', '1976-07-02'),
  province('83', 'Tỉnh Bến Tre', 'Ben Tre Province', '1976-07-02'),
  province('84', 'Tỉnh Trà Vinh', 'Tra Vinh Province', '1992-05-01'),
  province('86', 'Tỉnh Vĩnh Long', 'Vinh Long Province', '1992-05-01'),
  ...['79', '74', '75', '77', '70', '72'].map((code) => membership(code, 'member', COUNCIL_FOUNDED)),
  membership('80', 'partner', COUNCIL_FOUNDED),
  membership('83', 'partner', COUNCIL_FOUNDED),
  project('vanh-dai-3', 'Đường Vành đai 3 TP. Hồ Chí Minh', 'Ho Chi Minh City Ring Road 3', 'transport', ['79', '74', '75', '80'], '2023-07-18'),
  project('vanh-dai-4', 'Đường Vành đai 4 TP. Hồ Chí Minh', 'Ho Chi Minh City Ring Road 4', 'transport', ['79', '74', '75', '77', '80'], '2023-07-18'),
  project(
    'cao-toc-hcm-tdm-ct',
    'Cao tốc TP. Hồ Chí Minh – Thủ Dầu Một – Chơn Thành',
    'Ho Chi Minh City – Thu Dau Mot – Chon Thanh Expressway',
    'transport',
    ['79', '74', '70'],
    '2023-07-18',
  ),
  project('quoc-lo-13', 'Nâng cấp, mở rộng Quốc lộ 13', 'Upgrade of National Highway 13', 'transport', ['79', '74', '70'], '2023-07-18'),
  project('duong-sat-vung', 'Đường sắt đô thị và đường sắt liên vùng', 'Urban and regional railways', 'transport', ['79', '74', '75', '77'], '2023-10-01'),
  project('ket-noi-long-thanh', 'Kết nối giao thông với Cảng hàng không quốc tế Long Thành', 'Road links to Long Thanh International Airport', 'transport', ['79', '75', '77'], '2023-10-01'),
  project('cang-cai-mep-thi-vai', 'Kết nối cảng Cái Mép – Thị Vải', 'Links to the Cai Mep – Thi Vai port', 'transport', ['77', '75', '79'], '2023-10-01'),
  project('quy-giao-thong-vung', 'Quỹ phát triển giao thông vùng', 'Regional transport development fund', 'transport', ['79', '74', '75', '77', '70', '72'], '2024-01-15'),
  project('benh-vien-vung', 'Bệnh viện đa khoa vùng 1.500 giường', 'Regional 1,500-bed general hospital', 'health', ['74', '79'], '2024-01-15'),
  project('chuyen-tuyen-y-te', 'Mạng lưới chuyển tuyến y tế vùng', 'Regional medical referral network', 'health', ['79', '74', '75', '77', '70', '72'], '2024-01-15'),
  project('nhan-luc-chat-luong-cao', 'Đào tạo nhân lực chất lượng cao Nhà nước – Nhà trường – Doanh nghiệp', 'High-skill training with state, schools and businesses', 'workforce', ['79', '74', '75', '77', '70', '72'], '2024-01-15'),
  project('nha-o-xa-hoi', 'Nhà ở xã hội cho công nhân khu công nghiệp', 'Social housing for industrial workers', 'workforce', ['74', '75', '79'], '2024-03-01'),
  {
    effectiveOn: '2025-07-01',
    command: {
      type: 'MergeProvinces',
      data: { successor: '79', successorName: 'Thành phố Hồ Chí Minh', successorNameEn: 'Ho Chi Minh City', predecessors: ['79', '74', '77'], effectiveOn: '2025-07-01', legalBasis: RESOLUTION_202 },
    },
  },
  {
    effectiveOn: '2025-07-01',
    command: {
      type: 'MergeProvinces',
      data: { successor: '75', successorName: 'Tỉnh Đồng Nai', successorNameEn: 'Dong Nai Province', predecessors: ['75', '70'], effectiveOn: '2025-07-01', legalBasis: RESOLUTION_202 },
    },
  },
  {
    effectiveOn: '2025-07-01',
    command: {
      type: 'MergeProvinces',
      data: { successor: '80', successorName: 'Tỉnh Tây Ninh', successorNameEn: 'Tay Ninh Province', predecessors: ['72', '80'], effectiveOn: '2025-07-01', legalBasis: RESOLUTION_202 },
    },
  },
  {
    effectiveOn: '2025-07-01',
    command: {
      type: 'MergeProvinces',
      data: { successor: '86', successorName: 'Tỉnh Vĩnh Long', successorNameEn: 'Vinh Long Province', predecessors: ['86', '83', '84'], effectiveOn: '2025-07-01', legalBasis: RESOLUTION_202 },
    },
  },
  { effectiveOn: '2025-07-01', command: { type: 'EndMembership', data: { code: '80', on: '2025-07-01', reason: 'Long An merged into the new Tây Ninh province, a member of the region' } } },
  membership('80', 'member', '2025-07-01'),
  membership('86', 'partner', '2025-07-01'),
];
