import { billionVnd as bn, millionVnd as mn } from './demo-step.js';
import { NQ_154_CP, NQ_24_TW, QD_370_TTG } from './sources.js';
import { commitment, type Story } from './story.js';

const SO_LDTBXH_BINH_PHUOC = { agency: 'Sở Lao động – Thương binh và Xã hội Bình Phước', person: 'Phó Giám đốc Vũ Văn Hùng' };

/** Nhân lực: people trained, programmes opened, workers housed, jobs matched. */
export const WORKFORCE: readonly Story[] = [
  commitment({
    id: 'dao-tao-ky-thuat-cao-binh-duong',
    by: '74', to: ['79'], track: 'workforce', project: 'nhan-luc-chat-luong-cao',
    title: 'Đào tạo 5.000 lao động kỹ thuật cao theo mô hình Nhà nước – Nhà trường – Doanh nghiệp',
    titleEn: 'Train 5,000 high-skill workers with state, schools and businesses',
    responsible: { agency: 'Sở Lao động – Thương binh và Xã hội Bình Dương', person: 'Phó Giám đốc Nguyễn Thị Thanh Vân' },
    indicator: { name: 'Lao động được đào tạo', unit: 'người', target: 5_000 },
    deadline: '2025-06-30', budget: { amountVnd: bn(86), source: 'provincial' }, source: NQ_154_CP,
  })
    .proposed('2024-02-01').accepted('2024-02-08', '79')
    .reported('2024-06-30', 1_350, { disbursed: bn(21) })
    .reported('2024-12-31', 3_120, { disbursed: bn(52), note: 'Trường Cao đẳng Việt Nam – Singapore đào tạo 1.040 học viên theo đặt hàng doanh nghiệp.' })
    .reported('2025-03-31', 4_280, { disbursed: bn(71) })
    .claimed('2025-06-20', 'Lũy kế 5.126 học viên được cấp chứng chỉ.', 'nhan-luc/danh-sach-cap-chung-chi.pdf')
    .verified('2025-06-28', '79', 'Đối chiếu danh sách với doanh nghiệp tiếp nhận: đạt.'),

  commitment({
    id: 'chuong-trinh-vi-mach',
    by: '79', to: ['74', '75', '77'], track: 'workforce', project: 'nhan-luc-chat-luong-cao',
    title: 'Mở 12 chương trình đào tạo vi mạch bán dẫn liên kết doanh nghiệp',
    titleEn: 'Open 12 semiconductor training programmes with industry',
    responsible: { agency: 'Sở Lao động – Thương binh và Xã hội TP. Hồ Chí Minh', person: 'Phó Giám đốc Trần Minh Hùng' },
    indicator: { name: 'Chương trình đào tạo được mở', unit: 'chương trình', target: 12 },
    deadline: '2025-09-30', budget: { amountVnd: bn(150), source: 'provincial' }, source: QD_370_TTG,
  })
    .proposed('2024-05-20').accepted('2024-05-27', '74').accepted('2024-05-29', '75').accepted('2024-06-03', '77')
    .reported('2024-12-31', 4, { disbursed: bn(38) })
    .reported('2025-06-30', 9, { disbursed: bn(97) })
    .deadlineMissed()
    .reported('2025-09-30', 11, { on: '2025-10-02', disbursed: bn(131), note: 'Chương trình thứ 12 chờ doanh nghiệp đối tác ký hợp đồng đặt hàng.' })
    .claimed('2025-10-08', 'Đã mở chương trình thứ 12 (kiểm thử vi mạch) với 3 doanh nghiệp đối tác.', 'vi-mach/quyet-dinh-mo-chuong-trinh.pdf')
    .verified('2025-10-17', '75', 'Xác nhận đủ 12 chương trình, chậm 8 ngày.'),

  commitment({
    id: 'nha-o-xa-hoi-binh-duong',
    by: '74', to: ['79', '75'], track: 'workforce', project: 'nha-o-xa-hoi',
    title: 'Bố trí nhà ở xã hội cho 20.000 công nhân khu công nghiệp',
    titleEn: 'House 20,000 industrial workers in social housing',
    responsible: { agency: 'Sở Xây dựng Bình Dương', person: 'Phó Giám đốc Lê Văn Thông' },
    indicator: { name: 'Công nhân được bố trí nhà ở xã hội', unit: 'người', target: 20_000 },
    deadline: '2027-12-31',
  })
    .proposed('2024-03-15').accepted('2024-03-22', '79').accepted('2024-03-26', '75')
    .reported('2024-12-31', 3_800, { note: 'Vốn doanh nghiệp và gói tín dụng ưu đãi; không dùng ngân sách.' })
    .reported('2025-06-30', 7_400)
    .reported('2025-09-30', 9_100, { evidence: 'nha-o-xa-hoi/bo-tri-quy-3-2025.pdf' }),

  commitment({
    id: 'nha-o-xa-hoi-dong-nai',
    by: '75', to: ['79'], track: 'workforce', project: 'nha-o-xa-hoi',
    title: 'Hoàn thành 3.600 căn nhà ở xã hội tại Nhơn Trạch và Long Thành',
    responsible: { agency: 'Sở Xây dựng Đồng Nai', person: 'Phó Giám đốc Nguyễn Ngọc Thường' },
    indicator: { name: 'Căn hộ nhà ở xã hội hoàn thành', unit: 'căn', target: 3_600 },
    deadline: '2025-06-30', budget: { amountVnd: bn(2_350), source: 'other' },
  })
    .proposed('2024-03-25').accepted('2024-04-02', '79')
    .reported('2024-09-30', 600)
    .reported('2024-12-31', 1_150)
    .reported('2025-03-31', 1_720, { note: 'Hai dự án tại Long Thành chậm thủ tục điều chỉnh quy hoạch.' })
    .deadlineMissed()
    .reported('2025-06-30', 2_100)
    .reported('2025-09-30', 2_450, { evidence: 'nha-o-xa-hoi/tien-do-quy-3-2025.pdf' }),

  commitment({
    id: 'san-viec-lam-lien-tinh',
    by: '79', to: ['74', '75', '77', '70', '72'], track: 'workforce',
    title: 'Kết nối sàn giao dịch việc làm liên tỉnh, giới thiệu việc làm thành công cho 30.000 lao động',
    titleEn: "Link the provinces' job exchanges and place 30,000 workers",
    responsible: { agency: 'Trung tâm Dịch vụ việc làm TP. Hồ Chí Minh', person: 'Phó Giám đốc Nguyễn Thị Bích Ngọc' },
    indicator: { name: 'Lao động được giới thiệu việc làm thành công', unit: 'người', target: 30_000 },
    deadline: '2024-12-31', budget: { amountVnd: bn(15), source: 'provincial' }, source: NQ_154_CP,
  })
    .proposed('2023-09-12').accepted('2023-09-19', '74').accepted('2023-09-20', '75').accepted('2023-09-22', '77')
    .accepted('2023-09-25', '70').accepted('2023-09-27', '72')
    .reported('2023-12-31', 4_200, { disbursed: mn(2_100) })
    .reported('2024-06-30', 16_800, { disbursed: mn(7_400) })
    .reported('2024-09-30', 24_300, { disbursed: mn(10_900) })
    .claimed('2024-12-26', 'Lũy kế 31.450 lao động được giới thiệu việc làm thành công qua 48 phiên liên tỉnh.', 'viec-lam/tong-ket-2024.pdf')
    .verified('2025-01-08', 'council', 'Tổ Thư ký đối chiếu số liệu của 6 trung tâm dịch vụ việc làm: đạt.'),

  commitment({
    id: 'cung-ung-lao-dong-binh-phuoc',
    by: '70', to: ['74'], track: 'workforce',
    title: 'Cung ứng 8.000 lao động cho các khu công nghiệp Bình Dương',
    responsible: SO_LDTBXH_BINH_PHUOC,
    indicator: { name: 'Lao động được kết nối việc làm', unit: 'người', target: 8_000 },
    deadline: '2026-12-18',
  })
    .proposed('2024-05-20').accepted('2024-05-28', '74')
    .reported('2024-12-31', 2_300)
    .reported('2025-06-30', 5_600)
    .reported('2025-09-30', 7_750, { evidence: 'cung-ung-lao-dong/quy-3-2025.pdf' }),

  commitment({
    id: 'logistics-cang-bien',
    by: '77', to: ['75', '79'], track: 'workforce', project: 'nhan-luc-chat-luong-cao',
    title: 'Đào tạo 1.500 nhân lực logistics cảng biển cho cụm cảng Cái Mép – Thị Vải',
    titleEn: 'Train 1,500 port logistics workers for Cái Mép – Thị Vải',
    responsible: { agency: 'Sở Lao động – Thương binh và Xã hội Bà Rịa – Vũng Tàu', person: 'Phó Giám đốc Phạm Thị Hạnh' },
    indicator: { name: 'Lao động logistics được đào tạo', unit: 'người', target: 1_500 },
    deadline: '2025-10-15', budget: { amountVnd: bn(45), source: 'provincial' },
  })
    .proposed('2024-04-15').accepted('2024-04-22', '75').accepted('2024-04-24', '79')
    .reported('2024-09-30', 420, { disbursed: bn(11) })
    .amended('2024-11-05', { target: 1_800, budgetVnd: bn(52), reason: 'Mở rộng đào tạo cho các cảng Gemalink và SSIT theo đề nghị của doanh nghiệp.' })
    .reported('2024-12-31', 760, { disbursed: bn(21) })
    .reported('2025-06-30', 1_390, { disbursed: bn(39) })
    .reported('2025-09-30', 1_760, { disbursed: bn(50) })
    .claimed('2025-10-10', 'Lũy kế 1.812 học viên hoàn thành khóa đào tạo.', 'logistics/danh-sach-hoc-vien.pdf')
    .verified('2025-10-24', '75', 'Xác nhận đạt chỉ tiêu đã điều chỉnh.'),

  commitment({
    id: 'dao-tao-nghe-tay-ninh',
    by: '72', to: ['79', '74'], track: 'workforce', project: 'nhan-luc-chat-luong-cao',
    title: 'Đào tạo nghề cho 3.000 lao động nông thôn Tây Ninh theo nhu cầu khu công nghiệp',
    responsible: { agency: 'Sở Lao động – Thương binh và Xã hội Tây Ninh', person: 'Phó Giám đốc Đỗ Thị Kim Loan' },
    indicator: { name: 'Lao động được đào tạo nghề', unit: 'người', target: 3_000 },
    deadline: '2027-02-28', budget: { amountVnd: bn(21), source: 'provincial' },
  })
    .proposed('2024-08-05').accepted('2024-08-12', '79').accepted('2024-08-14', '74')
    .reported('2024-12-31', 820, { disbursed: mn(5_600) })
    .reported('2025-06-30', 1_900, { disbursed: mn(12_900) })
    .reported('2025-09-30', 2_750, { disbursed: mn(18_700) }),

  commitment({
    id: 'tiep-nhan-lao-dong-long-an',
    by: '80', to: ['79'], track: 'workforce',
    title: 'Tiếp nhận 5.000 lao động TP. Hồ Chí Minh vào các khu công nghiệp Long An',
    responsible: { agency: 'Sở Lao động – Thương binh và Xã hội Long An', person: 'Phó Giám đốc Trương Văn Út' },
    indicator: { name: 'Lao động được tiếp nhận', unit: 'người', target: 5_000 },
    deadline: '2026-06-30',
  })
    .proposed('2024-12-10')
    .declined('2025-04-08', '79', 'TP. Hồ Chí Minh không điều phối lao động theo chỉ tiêu; đề nghị thực hiện qua sàn giao dịch việc làm liên tỉnh.'),

  commitment({
    id: 'nha-o-xa-hoi-hcm',
    by: '79', to: ['74', '75'], track: 'workforce', project: 'nha-o-xa-hoi',
    title: 'Cho 15.000 công nhân khu công nghiệp thuê nhà ở xã hội tại TP. Hồ Chí Minh',
    titleEn: 'Rent social housing to 15,000 industrial workers',
    responsible: { agency: 'Sở Xây dựng TP. Hồ Chí Minh', person: 'Phó Giám đốc Nguyễn Thanh Toàn' },
    indicator: { name: 'Công nhân được thuê nhà ở xã hội', unit: 'người', target: 15_000 },
    deadline: '2028-06-30', source: NQ_24_TW,
  })
    .proposed('2024-09-20').accepted('2024-09-27', '74').accepted('2024-10-01', '75')
    .reported('2025-03-31', 1_800)
    .reported('2025-09-30', 4_100, { evidence: 'nha-o-xa-hoi/cho-thue-quy-3-2025.pdf' }),

  commitment({
    id: 'ky-su-ban-dan-dong-nai',
    by: '75', to: ['79'], track: 'workforce', project: 'nhan-luc-chat-luong-cao',
    title: 'Liên kết đào tạo 2.000 kỹ sư, kỹ thuật viên bán dẫn cho khu công nghệ cao',
    titleEn: 'Co-train 2,000 semiconductor engineers and technicians',
    responsible: { agency: 'Sở Giáo dục và Đào tạo Đồng Nai', person: 'Phó Giám đốc Đỗ Văn Lâm' },
    indicator: { name: 'Kỹ sư, kỹ thuật viên được đào tạo', unit: 'người', target: 2_000 },
    deadline: '2027-10-31', budget: { amountVnd: bn(120), source: 'provincial' },
  })
    .proposed('2025-10-22'),

  commitment({
    id: 'ket-noi-viec-lam-tay-ninh',
    by: '80', to: ['79'], track: 'workforce',
    title: 'Kết nối việc làm tại TP. Hồ Chí Minh cho 12.000 lao động Tây Ninh',
    responsible: { agency: 'Sở Nội vụ Tây Ninh', person: 'Phó Giám đốc Lê Thị Mỹ Dung' },
    indicator: { name: 'Lao động được kết nối việc làm', unit: 'người', target: 12_000 },
    deadline: '2027-06-30',
  })
    .proposed('2025-07-21').accepted('2025-07-29', '79')
    .reported('2025-09-30', 1_850),

  commitment({
    id: 'chuyen-doi-nghe-binh-phuoc',
    by: '70', to: ['75'], track: 'workforce',
    title: 'Đào tạo chuyển đổi nghề cho 2.500 lao động vùng cao su Bình Phước',
    responsible: SO_LDTBXH_BINH_PHUOC,
    indicator: { name: 'Lao động được đào tạo chuyển đổi nghề', unit: 'người', target: 2_500 },
    deadline: '2026-06-30', budget: { amountVnd: bn(14), source: 'provincial' },
  })
    .proposed('2024-10-14').accepted('2024-10-21', '75')
    .reported('2024-12-31', 310, { disbursed: mn(1_700) })
    .reported('2025-06-30', 980, { disbursed: mn(5_400) })
    .cancelled('2025-08-15', 'Sau hợp nhất tỉnh Bình Phước vào tỉnh Đồng Nai, nhiệm vụ trở thành nội bộ tỉnh; chuyển vào kế hoạch của UBND tỉnh Đồng Nai.'),

  commitment({
    id: 'ky-su-vi-mach-binh-duong',
    by: '79', to: ['74'], track: 'workforce',
    title: 'Đào tạo 1.000 kỹ sư thiết kế vi mạch cho doanh nghiệp Bình Dương',
    titleEn: 'Train 1,000 chip-design engineers for Bình Dương employers',
    responsible: { agency: 'Sở Khoa học và Công nghệ TP. Hồ Chí Minh', person: 'Phó Giám đốc Lâm Quốc Cường' },
    indicator: { name: 'Kỹ sư vi mạch được đào tạo', unit: 'người', target: 1_000 },
    deadline: '2024-06-30', budget: { amountVnd: bn(75), source: 'provincial' },
  })
    .proposed('2023-10-09').accepted('2023-10-16', '74')
    .reported('2023-12-31', 180, { disbursed: bn(14) })
    .reported('2024-03-31', 520, { disbursed: bn(39) })
    .deadlineMissed()
    .reported('2024-06-30', 870, { disbursed: bn(65) })
    .claimed('2024-08-15', 'Lũy kế 1.008 kỹ sư hoàn thành chương trình.', 'vi-mach/tong-ket-khoa-dao-tao.pdf')
    .verified('2024-08-28', '74', 'Doanh nghiệp Bình Dương đã tiếp nhận; chậm 46 ngày.'),
];
