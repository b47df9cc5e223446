import type { Locale } from '../i18n.js';

/**
 * The printed documents' words (the award list, the results table), as a Vietnamese administrative annex lays it out (national motto, the
 * issuing body, "Kèm theo Quyết định số … ngày …"), and their English rendering.
 */
const vi = {
  motto: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập – Tự do – Hạnh phúc'],
  annex: 'PHỤ LỤC',
  title: 'DANH SÁCH ĐƠN VỊ ĐẠT GIẢI',
  attached: (kind: string | undefined, number: string, date: string, signerTitle: string) => `(Kèm theo ${kind ?? 'Quyết định'} số ${number} ngày ${date} của ${signerTitle})`,
  noDecision: '(Kết quả chính thức, chốt trước khi phần mềm ghi số quyết định)',
  provisional: 'BẢN TẠM TÍNH — CHƯA PHẢI KẾT QUẢ CHÍNH THỨC',
  sample: 'DỮ LIỆU MINH HỌA — không dùng cho khen thưởng',
  asOf: (date: string) => `Số liệu đến ngày ${date}`,
  columns: { no: 'STT', unit: 'Tên đơn vị', prize: 'Giải', score: 'Điểm', amount: 'Số tiền (đồng)' },
  subtotal: 'Cộng',
  none: 'Không có đơn vị đạt giải.',
  vacant: (n: number, prize: string) => `${n} suất ${prize.toLowerCase()} để trống: không có đơn vị đủ điều kiện.`,
  undecided: (message: string) => `Chưa quyết định: ${message}`,
  grandTotal: 'Tổng cộng tiền thưởng',
  preparedBy: 'Người lập biểu',
  signerFallback: 'CHỦ TỊCH HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG',
  printed: (moment: string) => `In ${moment}`,
  provenance: (ruleSet: string, sha: string) => `Bộ quy tắc ${ruleSet}; mã SHA-256 tệp số liệu ${sha}`,
  printHint: 'Dùng lệnh In của trình duyệt (Ctrl+P) để in: khổ A4, mỗi nhóm một trang.',
  back: '← Bảng xếp hạng',
  nav: 'Điều hướng',
  noData: 'Chưa có số liệu công bố.',
  results: {
    title: 'BẢNG TỔNG HỢP KẾT QUẢ',
    rank: 'Hạng',
    unit: 'Tên đơn vị',
    score: 'Tổng điểm',
    class: 'Xếp loại',
    met: 'Đạt',
    notMet: 'Chưa đạt',
    targetsMet: 'Số chỉ tiêu đạt',
    groupRank: (rank: string) => `hạng ${rank}`,
    notRanked: 'Đơn vị không được xếp hạng',
    printHint: 'Dùng lệnh In của trình duyệt (Ctrl+P) để in: khổ A4, mỗi nhóm một trang.',
  },
};

export type AnnexMessages = typeof vi;

const en: AnnexMessages = {
  motto: ['SOCIALIST REPUBLIC OF VIETNAM', 'Independence – Freedom – Happiness'],
  annex: 'ANNEX',
  title: 'LIST OF AWARDED UNITS',
  attached: (kind, number, date, signerTitle) => `(Attached to ${kind ? `${kind} (document)` : 'decision'} no. ${number} of ${date} by the ${signerTitle})`,
  noDecision: '(Final result, finalised before the software recorded decision numbers)',
  provisional: 'PROVISIONAL — NOT THE FINAL RESULT',
  sample: 'SAMPLE DATA — not for awards',
  asOf: (date) => `Figures as of ${date}`,
  columns: { no: 'No.', unit: 'Unit', prize: 'Prize', score: 'Score', amount: 'Amount (VND)' },
  subtotal: 'Subtotal',
  none: 'No unit awarded.',
  vacant: (n, prize) => `${n} ${prize.toLowerCase()} slot(s) vacant: no qualifying unit.`,
  undecided: (message) => `Undecided: ${message}`,
  grandTotal: 'Prizes in total',
  preparedBy: 'Prepared by',
  signerFallback: 'CHAIR OF THE EMULATION COUNCIL',
  printed: (moment) => `Printed ${moment}`,
  provenance: (ruleSet, sha) => `Rule set ${ruleSet}; statistics file SHA-256 ${sha}`,
  printHint: 'Use the browser’s Print command (Ctrl+P): A4, one page per group.',
  back: '← Ranking',
  nav: 'Navigation',
  noData: 'Nothing published yet.',
  results: {
    title: 'TABLE OF RESULTS',
    rank: 'Rank',
    unit: 'Unit',
    score: 'Total',
    class: 'Class',
    met: 'Met',
    notMet: 'Not met',
    targetsMet: 'Targets met',
    groupRank: (rank) => `rank ${rank}`,
    notRanked: 'Units not ranked',
    printHint: 'Use the browser’s Print command (Ctrl+P): A4, one page per group.',
  },
};

export function annexMessages(locale: Locale): AnnexMessages {
  return locale === 'en' ? en : vi;
}
