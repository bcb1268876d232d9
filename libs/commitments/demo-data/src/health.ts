import { billionVnd as bn, millionVnd as mn } from './demo-step.js';
import { NQ_24_TW } from './sources.js';
import { commitment, type Story } from './story.js';

const SO_Y_TE_HCM = { agency: 'Sở Y tế TP. Hồ Chí Minh', person: 'Phó Giám đốc Trần Văn Khanh' };
const SO_Y_TE_BINH_DUONG = { agency: 'Sở Y tế Bình Dương', person: 'Phó Giám đốc Nguyễn Thị Hồng Nhung' };

/** Y tế: beds in operation, facilities opened, referral agreements, staff trained. */
export const HEALTH: readonly Story[] = [
  commitment({
    id: 'benh-vien-vung-1500-giuong',
    by: '74', to: ['79'], track: 'health', project: 'benh-vien-vung',
    title: 'Đưa Bệnh viện đa khoa vùng 1.500 giường tại Bình Dương vào hoạt động',
    titleEn: 'Open the 1,500-bed regional general hospital in Bình Dương',
    description: 'Bệnh viện tuyến cuối của vùng, tiếp nhận người bệnh chuyển tuyến để giảm tải cho các bệnh viện TP. Hồ Chí Minh.',
    responsible: SO_Y_TE_BINH_DUONG,
    indicator: { name: 'Giường bệnh đưa vào hoạt động', unit: 'giường', target: 1_500 },
    deadline: '2027-06-30', budget: { amountVnd: bn(4_850), source: 'provincial' }, source: NQ_24_TW,
  })
    .proposed('2024-02-05').accepted('2024-02-19', '79')
    .reported('2024-12-31', 0, { disbursed: bn(2_910), note: 'Hoàn thành 85% khối lượng xây lắp khối nhà chính.' })
    .reported('2025-03-31', 350, { disbursed: bn(3_380), note: 'Khai trương giai đoạn 1 với 350 giường nội trú.', evidence: 'benh-vien-vung/khai-truong-giai-doan-1.pdf' })
    .reported('2025-09-30', 700, { disbursed: bn(3_720), note: 'Thiếu bác sĩ chuyên khoa để mở thêm giường; đang tuyển dụng.' }),

  commitment({
    id: 'chuyen-tuyen-hcm-binh-phuoc',
    by: '79', to: ['70'], track: 'health', project: 'chuyen-tuyen-y-te',
    title: 'Ký và triển khai 6 thỏa thuận chuyển tuyến giữa bệnh viện TP. Hồ Chí Minh và Bình Phước',
    responsible: SO_Y_TE_HCM,
    indicator: { name: 'Thỏa thuận chuyển tuyến có hiệu lực', unit: 'thỏa thuận', target: 6 },
    deadline: '2024-12-31',
  })
    .proposed('2024-02-20').accepted('2024-02-28', '70')
    .reported('2024-06-30', 2)
    .reported('2024-09-30', 4, { evidence: 'chuyen-tuyen/thoa-thuan-binh-phuoc-dot-2.pdf' })
    .claimed('2024-12-10', 'Đã ký và đưa vào thực hiện đủ 6 thỏa thuận chuyển tuyến.')
    .verified('2024-12-18', '70', 'Sở Y tế Bình Phước xác nhận các thỏa thuận đang được thực hiện.'),

  commitment({
    id: 'hoi-chan-tu-xa-dong-nai',
    by: '75', to: ['77', '70'], track: 'health', project: 'chuyen-tuyen-y-te',
    title: 'Kết nối hội chẩn từ xa giữa Bệnh viện Đa khoa Đồng Nai và 12 bệnh viện tuyến tỉnh, huyện',
    titleEn: 'Tele-consultation links from Đồng Nai General Hospital to 12 hospitals',
    responsible: { agency: 'Bệnh viện Đa khoa Đồng Nai', person: 'Phó Giám đốc Phan Thị Thu Trang' },
    indicator: { name: 'Cơ sở y tế kết nối hội chẩn từ xa', unit: 'cơ sở', target: 12 },
    deadline: '2024-09-30', budget: { amountVnd: mn(18_500), source: 'provincial' },
  })
    .proposed('2024-01-22').accepted('2024-01-29', '77').accepted('2024-02-01', '70')
    .reported('2024-03-31', 3, { disbursed: mn(5_200) })
    .reported('2024-06-30', 7, { disbursed: mn(10_900) })
    .deadlineMissed()
    .reported('2024-09-30', 9, { disbursed: mn(14_300), note: 'Chậm do nhà thầu cung cấp thiết bị giao hàng trễ.' })
    .claimed('2024-11-15', 'Đã kết nối đủ 12 cơ sở; vận hành thử 30 ca hội chẩn.', 'hoi-chan-tu-xa/nghiem-thu.pdf')
    .verified('2024-11-25', '77', 'Xác nhận các điểm cầu hoạt động ổn định.'),

  commitment({
    id: 'dao-tao-y-te-tay-ninh',
    by: '79', to: ['72'], track: 'health', project: 'chuyen-tuyen-y-te',
    title: 'Đào tạo, chuyển giao kỹ thuật cho 600 nhân viên y tế Tây Ninh',
    titleEn: 'Train 600 Tây Ninh health workers',
    responsible: SO_Y_TE_HCM,
    indicator: { name: 'Nhân viên y tế được đào tạo', unit: 'người', target: 600 },
    deadline: '2027-12-31', budget: { amountVnd: bn(27), source: 'provincial' },
  })
    .proposed('2024-05-06').accepted('2024-05-14', '72')
    .reported('2024-12-31', 140, { disbursed: mn(6_100) })
    .reported('2025-06-30', 290, { disbursed: mn(12_800) })
    .reported('2025-09-30', 355, { disbursed: mn(15_400), evidence: 'dao-tao-y-te/danh-sach-hoc-vien-quy-3-2025.pdf' }),

  commitment({
    id: 'cap-cuu-115-lien-tinh',
    by: '74', to: ['79'], track: 'health', project: 'chuyen-tuyen-y-te',
    title: 'Kết nối điều phối cấp cứu 115 liên tỉnh Bình Dương – TP. Hồ Chí Minh',
    responsible: SO_Y_TE_BINH_DUONG,
    indicator: { name: 'Trạm cấp cứu vệ tinh kết nối hệ thống điều phối chung', unit: 'trạm', target: 10 },
    deadline: '2025-03-31',
  })
    .proposed('2024-03-04').accepted('2024-03-11', '79')
    .reported('2024-06-30', 3)
    .reported('2024-12-31', 8, { note: 'Thời gian tiếp cận hiện trường trung bình giảm còn 14 phút.' })
    .claimed('2025-03-20', 'Đủ 10 trạm vệ tinh đã kết nối tổng đài điều phối chung.', 'cap-cuu-115/bien-ban-van-hanh.pdf')
    .verified('2025-03-28', '79', 'Trung tâm Cấp cứu 115 TP. Hồ Chí Minh xác nhận kết nối.'),

  commitment({
    id: 'benh-vien-vung-bac-si',
    by: '79', to: ['74'], track: 'health', project: 'benh-vien-vung',
    title: 'Cử bác sĩ chuyên khoa hỗ trợ Bệnh viện đa khoa vùng',
    titleEn: 'Second specialist doctors to the regional hospital',
    responsible: { agency: 'Sở Y tế TP. Hồ Chí Minh', person: 'Phó Giám đốc Lê Thị Thanh Hương' },
    indicator: { name: 'Bác sĩ chuyên khoa được cử đến', unit: 'người', target: 120 },
    deadline: '2027-09-30', budget: { amountVnd: bn(36), source: 'provincial' },
  })
    .proposed('2024-06-12').accepted('2024-06-20', '74')
    .reported('2024-12-31', 22, { disbursed: mn(5_900) })
    .amended('2025-02-14', { target: 150, reason: 'Bổ sung khoa Ung bướu và Tim mạch theo đề nghị của Sở Y tế Bình Dương.' })
    .reported('2025-06-30', 71, { disbursed: mn(17_300) })
    .reported('2025-09-30', 104, { disbursed: mn(24_800) }),

  commitment({
    id: 'benh-vien-ve-tinh-ba-ria',
    by: '77', to: ['79'], track: 'health', project: 'chuyen-tuyen-y-te',
    title: 'Bệnh viện Bà Rịa nhận chuyển giao 15 kỹ thuật chuyên sâu từ Bệnh viện Nhân dân 115',
    responsible: { agency: 'Sở Y tế Bà Rịa – Vũng Tàu', person: 'Phó Giám đốc Hồ Văn Tâm' },
    indicator: { name: 'Kỹ thuật chuyên sâu được chuyển giao', unit: 'kỹ thuật', target: 15 },
    deadline: '2025-08-31', budget: { amountVnd: mn(9_800), source: 'provincial' },
  })
    .proposed('2024-03-18').accepted('2024-03-25', '79')
    .reported('2024-09-30', 5, { disbursed: mn(2_900) })
    .reported('2025-03-31', 11, { disbursed: mn(6_700) })
    .reported('2025-06-30', 13, { disbursed: mn(8_100) })
    .claimed('2025-08-25', 'Bệnh viện Bà Rịa đã tự thực hiện đủ 15 kỹ thuật, trong đó có can thiệp mạch vành.', 've-tinh/nghiem-thu-15-ky-thuat.pdf')
    .verified('2025-09-10', 'council', 'Sau hợp nhất, cam kết trở thành nội bộ TP. Hồ Chí Minh; Tổ Thư ký xác nhận kết quả.'),

  commitment({
    id: 'trung-tam-dot-quy-long-an',
    by: '80', to: ['79'], track: 'health', project: 'chuyen-tuyen-y-te',
    title: 'Thành lập Trung tâm Đột quỵ tại Bệnh viện Đa khoa Long An',
    responsible: { agency: 'Sở Y tế Long An', person: 'Phó Giám đốc Huỳnh Minh Phúc' },
    indicator: { name: 'Trung tâm đột quỵ đi vào hoạt động', unit: 'trung tâm', target: 1 },
    deadline: '2025-06-30', budget: { amountVnd: bn(45), source: 'provincial' },
  })
    .proposed('2024-03-20').accepted('2024-03-27', '79')
    .reported('2024-09-30', 0, { note: 'Đã phê duyệt đề án; đang mua sắm hệ thống chụp mạch DSA.' })
    .cancelled('2025-05-20', 'Bộ Y tế đầu tư Trung tâm Đột quỵ từ nguồn vốn ODA; cam kết của tỉnh không còn cần thiết.'),

  commitment({
    id: 'xa-tri-ung-buou-dong-nai',
    by: '79', to: ['75'], track: 'health', project: 'chuyen-tuyen-y-te',
    title: 'Chuyển giao 8 kỹ thuật xạ trị cho Bệnh viện Ung bướu Đồng Nai',
    titleEn: 'Transfer eight radiotherapy techniques to Đồng Nai Oncology Hospital',
    responsible: { agency: 'Bệnh viện Ung bướu TP. Hồ Chí Minh', person: 'Phó Giám đốc Đinh Quang Huy' },
    indicator: { name: 'Kỹ thuật xạ trị được chuyển giao', unit: 'kỹ thuật', target: 8 },
    deadline: '2025-10-31',
  })
    .proposed('2024-07-08').accepted('2024-07-15', '75')
    .reported('2024-12-31', 2)
    .reported('2025-06-30', 6)
    .reported('2025-09-30', 7)
    .claimed('2025-10-28', 'Hoàn thành chuyển giao kỹ thuật thứ 8: xạ trị điều biến liều (IMRT).', 'xa-tri/bien-ban-chuyen-giao-imrt.pdf'),

  commitment({
    id: 'giuong-benh-binh-phuoc',
    by: '70', to: ['79', '74'], track: 'health', project: 'chuyen-tuyen-y-te',
    title: 'Nâng quy mô Bệnh viện Đa khoa tỉnh Bình Phước lên 1.000 giường để giảm chuyển tuyến',
    titleEn: 'Grow Bình Phước General Hospital to 1,000 beds to cut referrals',
    responsible: { agency: 'Sở Y tế Bình Phước', person: 'Phó Giám đốc Nguyễn Văn Thuận' },
    indicator: { name: 'Giường bệnh đưa vào hoạt động', unit: 'giường', baseline: 700, target: 1_000 },
    deadline: '2027-03-31', budget: { amountVnd: bn(1_250), source: 'provincial' },
  })
    .proposed('2024-09-10').accepted('2024-09-18', '79').accepted('2024-09-20', '74')
    .reported('2024-12-31', 730, { disbursed: bn(160) })
    .reported('2025-06-30', 790, { disbursed: bn(385), note: 'Tỉnh Đồng Nai kế thừa nhiệm vụ từ 01/7/2025.' })
    .reported('2025-09-30', 820, { disbursed: bn(430) }),

  commitment({
    id: 'bac-si-ben-tre',
    by: '79', to: ['83'], track: 'health', project: 'chuyen-tuyen-y-te',
    title: 'Đào tạo 200 bác sĩ Bến Tre tại các bệnh viện TP. Hồ Chí Minh',
    titleEn: 'Train 200 Bến Tre doctors in Ho Chi Minh City hospitals',
    description: 'Liên kết vùng Đông Nam Bộ với Đồng bằng sông Cửu Long theo Nghị quyết 24-NQ/TW.',
    responsible: { agency: 'Sở Y tế TP. Hồ Chí Minh', person: 'Phó Giám đốc Lê Thị Thanh Hương' },
    indicator: { name: 'Bác sĩ được đào tạo', unit: 'người', target: 200 },
    deadline: '2027-12-31', source: NQ_24_TW,
  })
    .proposed('2025-05-12')
    .accepted('2025-08-05', '83')
    .reported('2025-09-30', 35, { note: 'Khóa 1 gồm 35 bác sĩ tại Bệnh viện Chợ Rẫy và Bệnh viện Nhân dân Gia Định.' }),

  commitment({
    id: 'ho-so-suc-khoe-tay-ninh',
    by: '72', to: ['79'], track: 'health', project: 'chuyen-tuyen-y-te',
    title: 'Liên thông hồ sơ sức khỏe điện tử của 110 cơ sở khám chữa bệnh Tây Ninh với TP. Hồ Chí Minh',
    responsible: { agency: 'Sở Y tế Tây Ninh', person: 'Phó Giám đốc Trần Thị Kim Ngân' },
    indicator: { name: 'Cơ sở khám chữa bệnh liên thông dữ liệu', unit: 'cơ sở', target: 110 },
    deadline: '2024-12-31', budget: { amountVnd: mn(12_600), source: 'provincial' },
  })
    .proposed('2024-01-22').accepted('2024-01-30', '79')
    .reported('2024-06-30', 41, { disbursed: mn(4_700) })
    .reported('2024-09-30', 68, { disbursed: mn(7_900) })
    .deadlineMissed()
    .reported('2024-12-31', 86, { disbursed: mn(9_950) })
    .extensionRequested('2025-01-10', '2025-06-30', 'Chờ Bộ Y tế ban hành chuẩn dữ liệu liên thông hồ sơ sức khỏe điện tử.')
    .extensionApproved('2025-01-22', 'Đồng ý gia hạn đến 30/6/2025 vì nguyên nhân khách quan.')
    .reported('2025-03-31', 97, { disbursed: mn(11_200) })
    .claimed('2025-06-25', 'Đủ 110 cơ sở đã liên thông dữ liệu với hệ thống của TP. Hồ Chí Minh.', 'ho-so-suc-khoe/ket-qua-lien-thong.pdf')
    .verified('2025-07-03', '79', 'Sở Y tế TP. Hồ Chí Minh xác nhận dữ liệu đã liên thông.'),

  commitment({
    id: 'lien-thong-xet-nghiem',
    by: '75', to: ['79', '80'], track: 'health', project: 'chuyen-tuyen-y-te',
    title: 'Công nhận kết quả xét nghiệm liên thông giữa 24 bệnh viện Đồng Nai, TP. Hồ Chí Minh và Tây Ninh',
    titleEn: 'Mutual recognition of lab results across 24 hospitals',
    responsible: { agency: 'Sở Y tế Đồng Nai', person: 'Phó Giám đốc Đoàn Thị Thu Hằng' },
    indicator: { name: 'Bệnh viện công nhận kết quả xét nghiệm liên thông', unit: 'bệnh viện', target: 24 },
    deadline: '2027-08-31',
  })
    .proposed('2025-08-12').accepted('2025-08-20', '79').accepted('2025-08-26', '80')
    .reported('2025-09-30', 9),
];
