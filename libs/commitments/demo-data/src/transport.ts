import { billionVnd as bn, millionVnd as mn } from './demo-step.js';
import { NQ_24_TW, NQ_57_QH15, NQ_98_QH15, TB_465_VPCP } from './sources.js';
import { commitment, type Story } from './story.js';

const BQL_BINH_DUONG = { agency: 'Ban Quản lý dự án Đầu tư xây dựng tỉnh Bình Dương', person: 'Phó Giám đốc Trần Văn Hải' };
const BQL_GIAO_THONG_HCM = { agency: 'Ban Quản lý dự án đầu tư xây dựng các công trình giao thông TP. Hồ Chí Minh', person: 'Phó Giám đốc Nguyễn Thanh Tùng' };
const SO_GTVT_BINH_DUONG = { agency: 'Sở Giao thông Vận tải Bình Dương', person: 'Phó Giám đốc Huỳnh Văn Dũng' };

/** Giao thông: site handed over, km built, public investment disbursed, interchanges. */
export const TRANSPORT: readonly Story[] = [
  commitment({
    id: 'vd3-binh-duong-mat-bang',
    by: '74', to: ['79', '75'], track: 'transport', project: 'vanh-dai-3',
    title: 'Bàn giao 100% mặt bằng Vành đai 3 đoạn qua tỉnh Bình Dương',
    titleEn: 'Hand over the whole Ring Road 3 site through Bình Dương',
    description: 'Hoàn thành bồi thường, hỗ trợ, tái định cư và bàn giao mặt bằng 10,76 km cho chủ đầu tư để thi công đồng bộ với TP. Hồ Chí Minh và Đồng Nai.',
    responsible: BQL_BINH_DUONG,
    indicator: { name: 'Mặt bằng đã bàn giao', unit: 'km', target: 10.76 },
    deadline: '2024-06-30', budget: { amountVnd: bn(3_100), source: 'provincial' }, source: NQ_57_QH15,
  })
    .proposed('2023-08-02').accepted('2023-08-10', '79').accepted('2023-08-15', '75')
    .reported('2023-09-30', 3.2, { disbursed: bn(950), note: 'Đã chi trả bồi thường cho 412/1.216 hộ dân tại Thuận An và Tân Uyên.' })
    .reported('2023-12-31', 6.9, { disbursed: bn(2_020), evidence: 'vd3/bao-cao-gpmb-quy-4-2023.pdf' })
    .reported('2024-03-31', 9.8, { disbursed: bn(2_760), note: 'Còn 38 hộ tại phường Bình Chuẩn chưa nhận tiền bồi thường.' })
    .claimed('2024-06-24', 'Đã bàn giao đủ 10,76/10,76 km mặt bằng cho chủ đầu tư.', 'vd3/bien-ban-ban-giao-mat-bang.pdf')
    .verified('2024-07-03', '79', 'Đã kiểm tra thực địa cùng Ban Quản lý dự án giao thông TP. Hồ Chí Minh; mặt bằng sạch.'),

  commitment({
    id: 'vd3-hcm-thong-xe',
    by: '79', to: ['74', '75', '80'], track: 'transport', project: 'vanh-dai-3',
    title: 'Thông xe kỹ thuật 47,51 km Vành đai 3 đoạn qua TP. Hồ Chí Minh',
    titleEn: 'Open the 47.5 km Ho Chi Minh City section of Ring Road 3 to traffic',
    responsible: BQL_GIAO_THONG_HCM,
    indicator: { name: 'Chiều dài tuyến đã thông xe kỹ thuật', unit: 'km', target: 47.51 },
    deadline: '2025-06-30', budget: { amountVnd: bn(41_340), source: 'central' }, source: NQ_57_QH15,
  })
    .proposed('2023-08-03').accepted('2023-08-11', '74').accepted('2023-08-14', '75').accepted('2023-08-18', '80')
    .reported('2024-06-30', 6.5, { disbursed: bn(9_800), note: 'Thiếu cát đắp nền; đã thí điểm cát biển cho đoạn qua Thủ Đức.' })
    .reported('2024-12-31', 14.2, { disbursed: bn(17_350), evidence: 'vd3/tien-do-thi-cong-2024.pdf' })
    .extensionRequested('2025-04-10', '2026-12-20', 'Nguồn cát đắp nền chậm, giá vật liệu tăng; đề nghị thông xe toàn tuyến trong năm 2026.')
    .extensionApproved('2025-05-06', 'Hội đồng đồng ý gia hạn; yêu cầu thông xe từng đoạn khi đủ điều kiện.')
    .reported('2025-06-30', 27.8, { disbursed: bn(26_100) })
    .reported('2025-09-30', 44.9, { disbursed: bn(34_900), note: 'Đã thông xe kỹ thuật đoạn Tân Vạn – Bình Chuẩn.', evidence: 'vd3/thong-xe-tan-van-binh-chuan.pdf' }),

  commitment({
    id: 'vd3-dong-nai-mat-bang',
    by: '75', to: ['79'], track: 'transport', project: 'vanh-dai-3',
    title: 'Bàn giao 100% mặt bằng 11,26 km Vành đai 3 đoạn qua huyện Nhơn Trạch',
    responsible: { agency: 'Trung tâm Phát triển quỹ đất tỉnh Đồng Nai', person: 'Phó Giám đốc Lê Hoàng Nam' },
    indicator: { name: 'Mặt bằng đã bàn giao', unit: 'km', target: 11.26 },
    deadline: '2024-03-31', budget: { amountVnd: bn(1_980), source: 'provincial' }, source: NQ_57_QH15,
  })
    .proposed('2023-08-04').accepted('2023-08-12', '79')
    .reported('2023-09-30', 5.1)
    .reported('2023-12-31', 8.7, { disbursed: bn(1_240) })
    .deadlineMissed()
    .reported('2024-03-31', 10.4, { disbursed: bn(1_610), note: 'Còn 14 hộ tại xã Phước Khánh chưa bàn giao mặt bằng.' })
    .reported('2024-04-30', 10.9, { disbursed: bn(1_702) })
    .claimed('2024-05-20', 'Đã bàn giao đủ 11,26 km sau khi hoàn tất cưỡng chế 3 hộ cuối cùng.', 'vd3/bien-ban-ban-giao-nhon-trach.pdf')
    .verified('2024-05-28', '79', 'Xác nhận đã nhận đủ mặt bằng, chậm 50 ngày so với cam kết.'),

  commitment({
    id: 'vd3-long-an-mat-bang',
    by: '80', to: ['79'], track: 'transport', project: 'vanh-dai-3',
    title: 'Bàn giao mặt bằng 6,81 km Vành đai 3 đoạn qua huyện Bến Lức',
    responsible: { agency: 'Ban Quản lý dự án đầu tư xây dựng tỉnh Long An', person: 'Phó Giám đốc Võ Văn Thành' },
    indicator: { name: 'Mặt bằng đã bàn giao', unit: 'km', target: 6.81 },
    deadline: '2024-09-30', budget: { amountVnd: bn(1_150), source: 'provincial' }, source: NQ_57_QH15,
  })
    .proposed('2023-08-07').accepted('2023-08-16', '79')
    .reported('2023-12-31', 2.4, { disbursed: bn(310) })
    .reported('2024-03-31', 4.6, { disbursed: bn(640) })
    .reported('2024-06-30', 6.2, { disbursed: bn(985), evidence: 'vd3/tien-do-gpmb-ben-luc.pdf' })
    .claimed('2024-09-18', 'Hoàn thành bàn giao 6,81 km mặt bằng đoạn qua Bến Lức.')
    .verified('2024-09-27', '79', 'Đã nhận đủ mặt bằng đúng hạn.'),

  commitment({
    id: 'vd4-ba-ria-vung-tau-cam-moc',
    by: '77', to: ['75', '79'], track: 'transport', project: 'vanh-dai-4',
    title: 'Cắm mốc giải phóng mặt bằng 18,2 km Vành đai 4 đoạn qua thị xã Phú Mỹ',
    titleEn: 'Peg out the 18.2 km Ring Road 4 corridor through Phú Mỹ',
    responsible: { agency: 'Sở Giao thông Vận tải Bà Rịa – Vũng Tàu', person: 'Phó Giám đốc Phạm Quốc Bảo' },
    indicator: { name: 'Chiều dài tuyến đã cắm mốc', unit: 'km', target: 18.2 },
    deadline: '2024-12-31', budget: { amountVnd: bn(24), source: 'provincial' }, source: NQ_24_TW,
  })
    .proposed('2024-02-20').accepted('2024-02-27', '75').accepted('2024-03-02', '79')
    .reported('2024-06-30', 6.5)
    .reported('2024-09-30', 11.8, { disbursed: mn(13_400) })
    .deadlineMissed()
    .reported('2024-12-31', 14.9, { note: 'Vướng đoạn giáp ranh với Đồng Nai, chờ thống nhất hồ sơ ranh giới.' })
    .reported('2025-03-31', 17.6, { disbursed: mn(21_900) })
    .claimed('2025-06-10', 'Đã cắm đủ mốc 18,2 km.', 'vd4/bien-ban-cam-moc-phu-my.pdf')
    .disputed('2025-06-20', '75', 'Mốc từ km 12+300 đến km 13+100 lệch so với hồ sơ ranh giới với Đồng Nai; đề nghị đo đạc lại.')
    .claimed('2025-07-15', 'Đã cắm lại 42 mốc theo biên bản đo đạc chung với Đồng Nai ngày 08/7/2025.', 'vd4/bien-ban-do-dac-chung.pdf')
    .verified('2025-07-25', '75', 'Đồng Nai thống nhất kết quả cắm mốc sau khi đo đạc lại.'),

  commitment({
    id: 'vd4-binh-duong-von-doi-ung',
    by: '74', to: ['79', '75', '77', '80'], track: 'transport', project: 'vanh-dai-4',
    title: 'Giải ngân vốn ngân sách tỉnh đối ứng cho Vành đai 4 đoạn qua Bình Dương',
    titleEn: "Disburse Bình Dương's counterpart funds for Ring Road 4",
    responsible: { agency: 'Sở Kế hoạch và Đầu tư Bình Dương', person: 'Phó Giám đốc Đặng Thị Thu Hà' },
    indicator: { name: 'Tỷ lệ giải ngân vốn đầu tư công đã cam kết', unit: '%', target: 100 },
    deadline: '2027-03-31', budget: { amountVnd: bn(12_000), source: 'provincial' }, source: NQ_24_TW,
  })
    .proposed('2024-03-11').accepted('2024-03-18', '79').accepted('2024-03-20', '75').accepted('2024-03-22', '77').accepted('2024-03-25', '80')
    .reported('2024-06-30', 14.8, { disbursed: bn(1_776) })
    .reported('2024-09-30', 24.6, { disbursed: bn(2_952), note: 'Giải ngân 9 tháng đạt 41,2% kế hoạch vốn năm 2024 Thủ tướng giao.' })
    .reported('2024-12-31', 33.5, { disbursed: bn(4_020), evidence: 'vd4/giai-ngan-nam-2024.pdf' })
    .amended('2025-02-18', { budgetVnd: bn(14_300), reason: 'Điều chỉnh tổng mức đầu tư theo Nghị quyết HĐND tỉnh Bình Dương do tăng chi phí giải phóng mặt bằng.' })
    .reported('2025-06-30', 48, { disbursed: bn(6_864), note: 'Từ 01/7/2025 TP. Hồ Chí Minh kế thừa nhiệm vụ của tỉnh Bình Dương.' })
    .reported('2025-09-30', 52, { disbursed: bn(7_436), note: 'Chậm giải ngân do kiện toàn bộ máy sau hợp nhất.' }),

  commitment({
    id: 'cao-toc-tdm-ct-binh-duong',
    by: '74', to: ['79', '70'], track: 'transport', project: 'cao-toc-hcm-tdm-ct',
    title: 'Bàn giao mặt bằng cao tốc TP. Hồ Chí Minh – Thủ Dầu Một – Chơn Thành đoạn qua Bình Dương',
    titleEn: 'Hand over the Bình Dương site of the HCMC – Thủ Dầu Một – Chơn Thành expressway',
    responsible: BQL_BINH_DUONG,
    indicator: { name: 'Mặt bằng đã bàn giao', unit: 'km', target: 51.5 },
    deadline: '2025-09-30', budget: { amountVnd: bn(6_500), source: 'provincial' },
  })
    .proposed('2024-04-15').accepted('2024-04-22', '79').accepted('2024-04-25', '70')
    .reported('2024-06-30', 8.3, { disbursed: bn(1_020) })
    .reported('2024-09-30', 17.9, { disbursed: bn(2_240) })
    .reported('2024-12-31', 29.4, { disbursed: bn(3_610), evidence: 'cao-toc-tdm-ct/gpmb-2024.pdf' })
    .reported('2025-03-31', 38.7, { disbursed: bn(4_790) })
    .reported('2025-06-30', 46.2, { disbursed: bn(5_680) })
    .reported('2025-08-31', 50.9, { disbursed: bn(6_240), note: 'TP. Hồ Chí Minh tiếp tục thực hiện sau hợp nhất.' })
    .claimed('2025-09-26', 'Đã bàn giao đủ 51,5 km mặt bằng đoạn qua địa bàn tỉnh Bình Dương cũ.', 'cao-toc-tdm-ct/bien-ban-ban-giao.pdf')
    .verified('2025-10-08', '70', 'Tỉnh Đồng Nai (kế thừa Bình Phước) xác nhận mặt bằng đã bàn giao đồng bộ đến ranh Chơn Thành.'),

  commitment({
    id: 'cao-toc-tdm-ct-binh-phuoc',
    by: '70', to: ['74'], track: 'transport', project: 'cao-toc-hcm-tdm-ct',
    title: 'Bàn giao mặt bằng 13,7 km cao tốc đoạn qua thị xã Chơn Thành',
    responsible: { agency: 'Ban Quản lý dự án Đầu tư xây dựng tỉnh Bình Phước', person: 'Phó Giám đốc Hoàng Văn Lộc' },
    indicator: { name: 'Mặt bằng đã bàn giao', unit: 'km', target: 13.7 },
    deadline: '2025-03-31', budget: { amountVnd: bn(870), source: 'provincial' },
  })
    .proposed('2024-04-16').accepted('2024-04-23', '74')
    .reported('2024-09-30', 3.1, { disbursed: bn(160) })
    .reported('2024-12-31', 6.4, { disbursed: bn(355) })
    .extensionRequested('2025-03-10', '2025-12-31', 'Còn 86 hộ dân chưa đồng thuận đơn giá bồi thường.')
    .extensionRejected('2025-03-25', 'Không có cơ sở gia hạn; đề nghị UBND tỉnh Bình Phước tập trung hoàn thành và báo cáo Hội đồng trước 30/4/2025.')
    .deadlineMissed()
    .reported('2025-03-31', 8.9, { disbursed: bn(498) })
    .reported('2025-06-30', 10.8, { disbursed: bn(610), note: 'Tỉnh Đồng Nai kế thừa nhiệm vụ từ 01/7/2025.' })
    .reported('2025-09-30', 11.6, { disbursed: bn(655), note: 'Còn 21 hộ chưa bàn giao; đang lập phương án cưỡng chế.' }),

  commitment({
    id: 'ql13-hcm-mo-rong',
    by: '79', to: ['74'], track: 'transport', project: 'quoc-lo-13',
    title: 'Mở rộng Quốc lộ 13 đoạn từ cầu Bình Triệu đến cầu Vĩnh Bình',
    titleEn: 'Widen National Highway 13 from Bình Triệu bridge to Vĩnh Bình bridge',
    responsible: { agency: 'Sở Giao thông Vận tải TP. Hồ Chí Minh', person: 'Phó Giám đốc Trần Quang Vinh' },
    indicator: { name: 'Chiều dài tuyến hoàn thành mở rộng', unit: 'km', target: 4.2 },
    deadline: '2025-12-31', budget: { amountVnd: bn(3_500), source: 'provincial' },
  })
    .proposed('2023-09-05').accepted('2023-09-14', '74')
    .reported('2024-06-30', 0.3, { disbursed: bn(410), note: 'Hoàn thành thu hồi đất đợt 1.' })
    .cancelled('2024-11-20', 'Dự án chuyển sang đầu tư theo phương thức PPP (hợp đồng BOT); cam kết bố trí vốn ngân sách không còn phù hợp.'),

  commitment({
    id: 'ql13-binh-duong-mo-rong',
    by: '74', to: ['79', '70'], track: 'transport', project: 'quoc-lo-13',
    title: 'Nâng cấp, mở rộng Quốc lộ 13 đoạn qua Bình Dương lên 8 làn xe',
    titleEn: 'Widen National Highway 13 through Bình Dương to eight lanes',
    responsible: SO_GTVT_BINH_DUONG,
    indicator: { name: 'Chiều dài tuyến hoàn thành mở rộng', unit: 'km', target: 33.8 },
    deadline: '2027-12-31', budget: { amountVnd: bn(7_410), source: 'ppp' },
  })
    .proposed('2024-06-12').accepted('2024-06-19', '79').accepted('2024-06-21', '70')
    .reported('2024-12-31', 2.5, { disbursed: bn(690) })
    .reported('2025-06-30', 7.9, { disbursed: bn(1_840) })
    .reported('2025-09-30', 10.4, { disbursed: bn(2_310), evidence: 'ql13/tien-do-quy-3-2025.pdf' }),

  commitment({
    id: 'metro-1-noi-dai',
    by: '79', to: ['74', '75'], track: 'transport', project: 'duong-sat-vung',
    title: 'Hoàn thành nghiên cứu tiền khả thi kéo dài tuyến metro số 1 đến Bình Dương và Đồng Nai',
    titleEn: 'Pre-feasibility studies for extending Metro Line 1 to Bình Dương and Đồng Nai',
    responsible: { agency: 'Ban Quản lý đường sắt đô thị TP. Hồ Chí Minh', person: 'Phó Trưởng ban Đỗ Minh Khoa' },
    indicator: { name: 'Báo cáo nghiên cứu tiền khả thi được thẩm định', unit: 'báo cáo', target: 2 },
    deadline: '2025-10-31', budget: { amountVnd: bn(62), source: 'provincial' }, source: NQ_98_QH15,
  })
    .proposed('2024-04-08').accepted('2024-04-15', '74').accepted('2024-04-17', '75')
    .reported('2024-12-31', 0, { note: 'Đã lựa chọn tư vấn; hoàn thành khảo sát hướng tuyến.' })
    .reported('2025-06-30', 1, { disbursed: mn(31_500), note: 'Báo cáo đoạn Suối Tiên – Bình Dương đã thẩm định.' })
    .reported('2025-10-15', 2, { on: '2025-10-16', disbursed: mn(58_200) })
    .claimed('2025-10-20', 'Hoàn thành 2/2 báo cáo; đoạn Suối Tiên – Trảng Bom thẩm định ngày 15/10/2025.', 'metro-1/ket-qua-tham-dinh.pdf'),

  commitment({
    id: 'duong-sat-tdm-suoi-tien',
    by: '74', to: ['79'], track: 'transport', project: 'duong-sat-vung',
    title: 'Lập báo cáo nghiên cứu khả thi tuyến đường sắt Thủ Dầu Một – Suối Tiên',
    responsible: SO_GTVT_BINH_DUONG,
    indicator: { name: 'Báo cáo nghiên cứu khả thi được phê duyệt', unit: 'báo cáo', target: 1 },
    deadline: '2025-12-31',
  })
    .proposed('2024-08-12')
    .withdrawn('2024-09-05', 'Nhà đầu tư đề xuất thực hiện theo phương thức PPP; tỉnh rút đề xuất để xây dựng lại cam kết phù hợp.'),

  commitment({
    id: 'long-thanh-nut-giao-thu-duc',
    by: '79', to: ['75'], track: 'transport', project: 'ket-noi-long-thanh',
    title: 'Hoàn thành 2 nút giao trên cao tốc TP. Hồ Chí Minh – Long Thành – Dầu Giây tại TP. Thủ Đức',
    titleEn: 'Complete two interchanges on the HCMC – Long Thành – Dầu Giây expressway in Thủ Đức',
    responsible: BQL_GIAO_THONG_HCM,
    indicator: { name: 'Nút giao hoàn thành', unit: 'nút giao', target: 2 },
    deadline: '2027-09-30', budget: { amountVnd: bn(4_100), source: 'provincial' }, source: TB_465_VPCP,
  })
    .proposed('2024-10-28').accepted('2024-11-06', '75')
    .reported('2025-06-30', 0, { disbursed: bn(1_260), note: 'Nút giao An Phú đạt 62% khối lượng.' })
    .reported('2025-09-30', 1, { disbursed: bn(1_980), note: 'Thông xe nút giao An Phú giai đoạn 1.', evidence: 'long-thanh/thong-xe-nut-giao-an-phu.pdf' }),

  commitment({
    id: 'long-thanh-duong-25c',
    by: '75', to: ['79', '77'], track: 'transport', project: 'ket-noi-long-thanh',
    title: 'Hoàn thành đường 25C kết nối Cảng hàng không quốc tế Long Thành',
    titleEn: 'Finish road 25C to Long Thành International Airport',
    responsible: { agency: 'Ban Quản lý dự án Đầu tư xây dựng tỉnh Đồng Nai', person: 'Phó Giám đốc Nguyễn Văn Sơn' },
    indicator: { name: 'Chiều dài tuyến hoàn thành', unit: 'km', target: 11.4 },
    deadline: '2026-12-05', budget: { amountVnd: bn(2_800), source: 'provincial' }, source: TB_465_VPCP,
  })
    .proposed('2024-10-25').accepted('2024-11-01', '79').accepted('2024-11-04', '77')
    .reported('2025-03-31', 4.1, { disbursed: bn(820) })
    .reported('2025-06-30', 7.9, { disbursed: bn(1_690) })
    .reported('2025-09-30', 10.9, { disbursed: bn(2_410), evidence: 'long-thanh/duong-25c-quy-3-2025.pdf' }),

  commitment({
    id: 'cai-mep-duong-991b',
    by: '77', to: ['75', '79'], track: 'transport', project: 'cang-cai-mep-thi-vai',
    title: 'Hoàn thành đường 991B kết nối cảng Cái Mép – Thị Vải',
    titleEn: 'Complete road 991B to the Cái Mép – Thị Vải port',
    responsible: { agency: 'Ban Quản lý dự án chuyên ngành giao thông tỉnh Bà Rịa – Vũng Tàu', person: 'Phó Giám đốc Trương Văn Nhân' },
    indicator: { name: 'Chiều dài tuyến hoàn thành', unit: 'km', target: 14.6 },
    deadline: '2025-06-30', budget: { amountVnd: bn(2_690), source: 'provincial' },
  })
    .proposed('2023-11-06').accepted('2023-11-13', '75').accepted('2023-11-15', '79')
    .reported('2024-03-31', 3.8, { disbursed: bn(640) })
    .reported('2024-09-30', 8.4, { disbursed: bn(1_420) })
    .reported('2024-12-31', 11.2, { disbursed: bn(1_930) })
    .reported('2025-03-31', 13.9, { disbursed: bn(2_380) })
    .claimed('2025-06-24', 'Thông xe toàn tuyến 14,6 km đường 991B.', 'cai-mep/thong-xe-991b.pdf')
    .verified('2025-06-30', '75', 'Xác nhận hoàn thành đúng hạn.'),

  commitment({
    id: 'cai-mep-nut-giao-phuoc-an',
    by: '75', to: ['77'], track: 'transport', project: 'cang-cai-mep-thi-vai',
    title: 'Xây dựng nút giao đường Phước An với cao tốc Biên Hòa – Vũng Tàu',
    responsible: { agency: 'Sở Giao thông Vận tải Đồng Nai', person: 'Phó Giám đốc Nguyễn Hữu Phước' },
    indicator: { name: 'Nút giao hoàn thành', unit: 'nút giao', target: 1 },
    deadline: '2026-06-30', budget: { amountVnd: bn(950), source: 'provincial' },
  })
    .proposed('2024-05-06')
    .declined('2024-05-20', '77', 'Nút giao thuộc dự án cao tốc Biên Hòa – Vũng Tàu do Bộ Giao thông vận tải làm chủ đầu tư; đề nghị Đồng Nai kiến nghị Bộ bổ sung vào dự án.'),

  commitment({
    id: 'quy-giao-thong-vung-von-dieu-le',
    by: '79', to: ['74', '75', '77', '70', '72'], track: 'transport', project: 'quy-giao-thong-vung',
    title: 'Góp vốn điều lệ ban đầu Quỹ phát triển giao thông vùng Đông Nam Bộ',
    titleEn: 'Pay in the initial capital of the Southeast regional transport fund',
    responsible: { agency: 'Sở Tài chính TP. Hồ Chí Minh', person: 'Phó Giám đốc Trần Thị Mai Lan' },
    indicator: { name: 'Vốn điều lệ đã góp', unit: 'tỷ đồng', target: 3_000 },
    deadline: '2027-06-30', budget: { amountVnd: bn(3_000), source: 'provincial' }, source: TB_465_VPCP,
  })
    .proposed('2025-03-05').accepted('2025-03-12', '74').accepted('2025-03-17', '75').accepted('2025-03-20', '77')
    .accepted('2025-07-15', '70'),

  commitment({
    id: 'cao-toc-moc-bai-tay-ninh',
    by: '72', to: ['79'], track: 'transport',
    title: 'Bàn giao mặt bằng 26,3 km cao tốc TP. Hồ Chí Minh – Mộc Bài đoạn qua Tây Ninh',
    titleEn: 'Hand over the 26.3 km Tây Ninh site of the HCMC – Mộc Bài expressway',
    responsible: { agency: 'Ban Quản lý dự án Đầu tư xây dựng tỉnh Tây Ninh', person: 'Phó Giám đốc Lý Thanh Sang' },
    indicator: { name: 'Mặt bằng đã bàn giao', unit: 'km', target: 26.3 },
    deadline: '2027-01-15', budget: { amountVnd: bn(2_700), source: 'provincial' }, source: TB_465_VPCP,
  })
    .proposed('2024-11-05').accepted('2024-11-13', '79')
    .reported('2025-03-31', 9.6, { disbursed: bn(930) })
    .reported('2025-06-30', 17.8, { disbursed: bn(1_760) })
    .reported('2025-09-30', 24.4, { disbursed: bn(2_390), evidence: 'cao-toc-moc-bai/gpmb-quy-3-2025.pdf' }),
];
