import type { Citation } from '../schema/common.js';
import type { Criterion, RuleSet, RuleSetInput } from '../schema/rule-set.js';

/**
 * The administrative-reform (CCHC) index of Thủy Thanh commune (thị xã Hương Thủy, Thừa Thiên
 * Huế), 2022, as its plan 69/KH-UBND of 12/12/2022 reports the appraisal: nine tasks ("Nhiệm vụ"),
 * each a tree of criteria with a maximum, points entered by the appraisal council (Hội đồng thẩm
 * định) with a comment, parents summing their children; the self-assessed criteria (70 points) and
 * the sociological survey (30); published total 78.636/100.
 *
 * Each criterion below is the document's line, quoted in its citation — only the document's own
 * criteria. The appraised points are the unit's data, not the rule set's:
 * docs/examples/thuy-thanh-cchc-2022.json transcribes them, with the document's own sub-totals
 * (`stated…` inputs). The sub-totals are **authoritative** (`score.statedSubtotals`): the appraisal
 * council signed them, so a parent whose figure the file states takes it, and the published total
 * is the document's 78.636. Where the document does not add up, the evaluation says so, naming the
 * criterion, the stated figure and the sum (docs/decisions/0017-stated-subtotals-authoritative.md):
 * - 3.5 is stated as 0.5/2.0, its parts add up to 0.5 + 0.75 = 1.25 (3.5.2 did not arise); and
 *   Nhiệm vụ 3 is stated as 11.73, its parts (with 3.5 at its stated 0.5) add up to 10.98.
 * - Nhiệm vụ 6 is stated as 8.0/9.0, its listed criteria add up to 7.0 of 8.0: the document leaves
 *   out one point, and a maximum of 1.0.
 * - Nhiệm vụ 3's listed maxima add up to 13.5 (with 3.5.2's 0.5, inferred from 3.5's 2.0), against
 *   14.5 stated. The stated maxima are kept.
 * - 3.5.2 is marked "x" (no such task arose): neither scored nor counted.
 */

const section = 'I.2';
const line = (text: string, textEn?: string): Citation => ({ section, text, ...(textEn ? { textEn } : {}) });

/** A criterion numbered as the document numbers it; its inputs are named after the number. */
const key = (number: string) => number.replace(/\*/g, '').replace(/\./g, '_');

interface Row {
  number: string;
  label: string;
  labelEn: string;
  max: string;
  text: string;
  textEn?: string;
  /** The document gives a comment of the appraisal council. */
  comment?: boolean;
  /** "x": the criterion may not arise. */
  notApplicable?: boolean;
  children?: Row[];
  /** Shown with the unit's figures (the tasks and the two groups). */
  show?: boolean;
}

const rows: Row[] = [
  {
    number: 'I',
    label: 'Nhóm tiêu chí tự đánh giá',
    labelEn: 'Self-assessed criteria (appraised)',
    max: '70',
    text: '*Nhóm tiêu chí tự đánh giá: 49.97 điểm',
    textEn: 'The self-assessed criteria, as appraised: 49.97 points (of 70, the sum of the maxima of tasks 1–8).',
    show: true,
    children: [
      {
        number: '1',
        label: 'Nhiệm vụ 1. Kế hoạch CCHC',
        labelEn: 'Task 1. Reform planning',
        max: '10.0',
        text: '- Nhiệm vụ 1. Kế hoạch CCHC: đạt 5.86/10.0 điểm.',
        show: true,
        children: [
          {
            number: '1.1',
            label: 'Kế hoạch CCHC',
            labelEn: 'Reform plan',
            max: '2.0',
            text: '1.1. Kế hoạch CCHC: đạt 0.8/2.0 điểm',
            children: [
              { number: '1.1.1', label: 'Ban hành kế hoạch CCHC', labelEn: 'Plan issued', max: '1.0', text: '1.1.1 Ban hành kế hoạch CCHC: 0.0/1.0 điểm.', comment: true },
              { number: '1.1.2', label: 'Mức độ hoàn thành KH CCHC', labelEn: 'Plan completion', max: '1.0', text: '1.1.2 Mức độ hoàn thành KH CCHC: 0.8/1.0 điểm.', comment: true },
            ],
          },
          { number: '1.2', label: 'Thực hiện chế độ báo cáo CCHC định kỳ', labelEn: 'Periodic reform reports', max: '1.0', text: '1.2. Thực hiện chế độ báo cáo CCHC định kỳ: đạt 0.75/1.0 điểm.', comment: true },
          {
            number: '1.3',
            label: 'Công tác kiểm tra, giám sát CCHC',
            labelEn: 'Inspection and supervision',
            max: '2.0',
            text: '1.3. Công tác kiểm tra, giám sát CCHC: 1.0/2.0 điểm',
            children: [
              {
                number: '1.3.1',
                label: 'Kiểm tra, giám sát công tác: Đảng ủy, HĐND-UBND cấp xã, các tổ chức đoàn thể',
                labelEn: 'Inspection of the Party committee, council, committee and mass organisations',
                max: '1.0',
                text: '1.3.1 Kiểm tra, giám sát công tác: Đảng ủy, HĐND-UBND cấp xã, các tổ chức đoàn thể: 01/01 điểm.',
              },
              { number: '1.3.2', label: 'Xử lý các vấn đề phát hiện qua kiểm tra', labelEn: 'Follow-up of findings', max: '1.0', text: '1.3.2 Xử lý các vấn đề phát hiện qua kiểm tra: 0.0/1.0 điểm.', comment: true },
            ],
          },
          {
            number: '1.4',
            label: 'Công tác tuyên truyền CCHC',
            labelEn: 'Reform communication',
            max: '2.0',
            text: '1.4. Công tác tuyên truyền CCHC: 2.0/2.0 điểm',
            children: [
              { number: '1.4.1', label: 'Tuyên truyền trong cán bộ, công chức', labelEn: 'Among civil servants', max: '1.0', text: '1.4.1 Tuyên truyền trong cán bộ, công chức: 1.0/1.0 điểm' },
              { number: '1.4.2', label: 'Tham gia Hội thi tìm hiểu CCHC của tỉnh', labelEn: "The province's reform contest", max: '1.0', text: '1.4.2 Tham gia Hội thi tìm hiểu CCHC của tỉnh: 1.0/1.0 điểm' },
            ],
          },
          { number: '1.5', label: 'Sáng kiến hoặc giải pháp mới trong CCHC', labelEn: 'Reform initiatives', max: '1.0', text: '1.5 Sáng kiến hoặc giải pháp mới trong CCHC: 0.0/1.0 điểm.', comment: true },
          { number: '1.6', label: 'Thực hiện các ý kiến chỉ đạo UBND huyện', labelEn: "The district's instructions carried out", max: '2.0', text: '1.6 Thực hiện các ý kiến chỉ đạo UBND huyện: 1.31/2.0 điểm.', comment: true },
        ],
      },
      {
        number: '2',
        label: 'Nhiệm vụ 2. Xây dựng và tổ chức thực hiện văn bản QPPL',
        labelEn: 'Task 2. Legal documents',
        max: '4.5',
        text: '-Nhiệm vụ 2. Xây dựng và tổ chức thực hiện văn bản QPPL: 2.5/4.5 điểm',
        show: true,
        children: [
          {
            number: '2.1',
            label: 'Theo dõi THPL',
            labelEn: 'Monitoring law enforcement',
            max: '2.5',
            text: '2.1. Theo dõi THPL: đạt 1/2.5 điểm.',
            children: [
              { number: '2.1.1', label: 'Ban hành KH theo dõi THPL', labelEn: 'Monitoring plan issued', max: '1.0', text: '2.1.1 Ban hành KH theo dõi THPL: 0.0/1.0 điểm.', comment: true },
              { number: '2.1.2', label: 'Điều tra khảo sát tình hình THPL', labelEn: 'Survey of law enforcement', max: '0.5', text: '2.1.2 Điều tra khảo sát tình hình THPL: 0.5/0.5 điểm.', comment: true },
              { number: '2.1.3', label: 'Báo cáo công tác theo dõi tình hình THPL', labelEn: 'Monitoring report', max: '1.0', text: '2.1.3 Báo cáo công tác theo dõi tình hình THPL: 0.5/1.0 điểm.', comment: true },
            ],
          },
          {
            number: '2.2',
            label: 'Thực hiện công bố văn bản hết hiệu lực, ngưng hiệu lực',
            labelEn: 'Publishing documents no longer in force',
            max: '0.5',
            text: '2.2 Thực hiện công bố văn bản hết hiệu lực, ngưng hiệu lực: 0.0/0.5 điểm.',
            comment: true,
          },
          { number: '2.3', label: 'Kiểm tra rà soát, xử lý VBQPPL tại địa phương', labelEn: 'Review of local legal documents', max: '1.0', text: '2.3 Kiểm tra rà soát, xử lý VBQPPL tại địa phương: 1.0/1.0 điểm' },
          {
            number: '2.4',
            label: 'Báo cáo năm về kết quả kiểm tra, rà soát VB QPPL tại địa phương',
            labelEn: 'Annual review report',
            max: '0.5',
            text: '2.4 Báo cáo năm về kết quả kiểm tra, rà soát VB QPPL tại địa phương: 0.5/0.5 điểm',
          },
        ],
      },
      {
        number: '3',
        label: 'Nhiệm vụ 3. Cải cách TTHC',
        labelEn: 'Task 3. Administrative procedures',
        max: '14.5',
        text: '-Nhiệm vụ 3. Cải cách TTHC: đạt 11.73/14.5 điểm',
        textEn: 'Stated maximum 14.5; the criteria listed below reach 13.5 (with 3.5.2 at 0.5). The points, 11.73, are their sum.',
        show: true,
        children: [
          { number: '3.1', label: 'Công khai TTHC và kết quả giải quyết hồ sơ', labelEn: 'Procedures and results published', max: '2.0', text: '3.1 Công khai TTHC và kết quả giải quyết hồ sơ: 2.0/2.0 điểm' },
          { number: '3.2', label: 'Thực hiện cơ chế một cửa, cơ chế một cửa liên thông', labelEn: 'One-stop shop', max: '3.0', text: '3.2 Thực hiện cơ chế một cửa, cơ chế một cửa liên thông: 3.0/3.0 điểm' },
          {
            number: '3.3',
            label: 'TTHC được cập nhật và thiết lập đúng theo quy trình điện tử trên phần mềm',
            labelEn: 'Procedures set up electronically',
            max: '1.0',
            text: '3.3 TTHC được cập nhật và thiết lập đúng theo quy trình điện tử trên phần mềm: 1.0/1.0 điểm',
          },
          {
            number: '3.4',
            label: 'Kết quả giải quyết hồ sơ TTHC',
            labelEn: 'Results of resolving cases',
            max: '5.5',
            text: '3.4 Kết quả giải quyết hồ sơ TTHC: 4.48/5.5 điểm',
            children: [
              {
                number: '3.4.1',
                label: 'Tỷ lệ hồ sơ TTHC do UBND xã tiếp nhận, xử lý trong năm được giải quyết đúng hạn, trước hạn',
                labelEn: 'Cases resolved on time or early',
                max: '2.0',
                text: '3.4.1 Tỷ lệ hồ sơ TTHC do UBND xã tiếp nhận, xử lý trong năm được giải quyết đúng hạn, trước hạn: 1.98/2.0 điểm.',
                comment: true,
              },
              {
                number: '3.4.2',
                label: 'Thực hiện ý kiến đánh giá sự hài lòng người dân, DN khi giải quyết TTHC tại BP TN&TKQ cấp xã',
                labelEn: 'Satisfaction surveys at the one-stop shop',
                max: '1.0',
                text: '3.4.2 Thực hiện ý kiến đánh giá sự hài lòng người dân, DN khi giải quyết TTHC tại BP TN&TKQ cấp xã: 0.5/1.0 điểm.',
                comment: true,
              },
              {
                number: '3.4.3',
                label: 'Thực hiện việc xin lỗi người dân, tổ chức khi để xảy ra trễ hẹn trong giải quyết hồ sơ TTHC',
                labelEn: 'Apologies for late cases',
                max: '1.5',
                text: '3.4.3 Thực hiện việc xin lỗi người dân, tổ chức khi để xảy ra trễ hẹn trong giải quyết hồ sơ TTHC: 1.0/1.5 điểm.',
                comment: true,
              },
              { number: '3.4.4', label: 'Thực hiện cập nhật số hóa trên phần mềm', labelEn: 'Digitisation in the software', max: '1.0', text: '3.4.4 Thực hiện cập nhật số hóa trên phần mềm: 1.0/1.0 điểm' },
            ],
          },
          {
            number: '3.5',
            label: 'Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức đối với các quy định HC, TTHC',
            labelEn: 'Feedback on administrative rules',
            max: '2.0',
            text: '3.5 Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức đối với các quy định HC, TTHC: 0.5/2.0 điểm',
            textEn: 'Stated 0.5, but its parts (3.5.1: 0.5, 3.5.3: 0.75; 3.5.2 did not arise) add up to 1.25 — the figure with which Task 3 reaches its stated 11.73.',
            children: [
              {
                number: '3.5.1',
                label: 'Công khai địa chỉ tiếp nhận phản ánh tại trụ sở và trên trang TTĐT của xã',
                labelEn: 'Feedback address published',
                max: '0.5',
                text: '3.5.1 Công khai địa chỉ tiếp nhận phản ánh tại trụ sở và trên trang TTĐT của xã: 0.5/0.5 điểm.',
              },
              {
                number: '3.5.2',
                label: 'Xử lý phản ánh, kiến nghị của cá nhân, tổ chức đối với các quy định HC, TTHC',
                labelEn: 'Feedback handled',
                max: '0.5',
                text: '3.5.2 Xử lý phản ánh, kiến nghị của cá nhân, tổ chức đối với các quy định HC, TTHC: x.',
                textEn: 'Marked "x": no such task arose. Its maximum, not stated, is what 3.5 leaves: 2.0 − 0.5 − 1.0 = 0.5.',
                comment: true,
                notApplicable: true,
              },
              {
                number: '3.5.3',
                label: 'Thực hiện báo cáo công tác kiểm soát TTHC, triển khai cơ chế một cửa, một cửa liên thông và thực hiện TTHC trên môi trường điện tử',
                labelEn: 'Reports on procedure control and the one-stop shop',
                max: '1.0',
                text: '3.5.3 Thực hiện báo cáo công tác kiểm soát TTHC, triển khai cơ chế một cửa, một cửa liên thông và thực hiện TTHC trên môi trường điện tử: 0.75/1.0 điểm.',
                comment: true,
              },
            ],
          },
        ],
      },
      { number: '4', label: 'Nhiệm vụ 4. Cải cách tổ chức bộ máy hành chính', labelEn: 'Task 4. Organisation', max: '3.0', text: '-Nhiệm vụ 4. Cải cách tổ chức bộ máy hành chính: 3.0/3.0 điểm', show: true },
      {
        number: '5',
        label: 'Nhiệm vụ 5. Xây dựng và Nâng cao chất lượng đội ngũ cán bộ, công chức',
        labelEn: 'Task 5. Civil servants',
        max: '10',
        text: '-Nhiệm vụ 5. Xây dựng và Nâng cao chất lượng đội ngũ cán bộ, công chức: 10/10 điểm.',
        show: true,
      },
      {
        number: '6',
        label: 'Nhiệm vụ 6. Cải cách tài chính công',
        labelEn: 'Task 6. Public finance',
        max: '9.0',
        text: '-Nhiệm vụ 6. Cải cách tài chính công: 8.0/9.0 điểm',
        show: true,
        children: [
          { number: '6.1', label: 'Thực hiện công tác quyết toán ngân sách', labelEn: 'Budget settlement', max: '1.0', text: '6.1 Thực hiện công tác quyết toán ngân sách : 1.0/1.0 điểm.' },
          {
            number: '6.2',
            label: 'Tổ chức thực hiện công tác tài chính ngân sách',
            labelEn: 'Budget execution',
            max: '3.0',
            text: '6.2 Tổ chức thực hiện công tác tài chính ngân sách: 2.0/3.0 điểm.',
            children: [
              { number: '6.2.1', label: 'Thực hiện giải ngân KH đầu tư vốn ngân sách nhà nước hàng năm', labelEn: 'Disbursement of public investment', max: '2.0', text: '6.2.1 Thực hiện giải ngân KH đầu tư vốn ngân sách nhà nước hàng năm: 1.0/2.0 điểm.', comment: true },
              { number: '6.2.2', label: 'Tổ chức thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán về TC NS', labelEn: 'Audit recommendations carried out', max: '1.0', text: '6.2.2 Tổ chức thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán về TC NS: 1.0/1.0 điểm.' },
            ],
          },
          {
            number: '6.3',
            label: 'Thực hiện cơ chế tự chủ, tự chịu trách nhiệm về sử dụng biên chế và kinh phí quản lý hành chính tại cơ quan thuộc Nghị định 130/2005/NĐ-CP',
            labelEn: 'Autonomy over staffing and administrative funds',
            max: '2.5',
            text: '6.3 Thực hiện cơ chế tự chủ, tự chịu trách nhiệm về sử dụng biên chế và kinh phí quản lý hành chính tại cơ quan thuộc Nghị định 130/2005/NĐ-CP: 2.5/2.5 điểm.',
          },
          { number: '6.4', label: 'Xây dựng Quy chế chi tiêu nội bộ và quy chế quản lý, sử dụng tài sản công', labelEn: 'Internal spending and asset rules', max: '1.5', text: '6.4 Xây dựng Quy chế chi tiêu nội bộ và quy chế quản lý, sử dụng tài sản công: 1.5/1.5 điểm.' },
        ],
      },
      {
        number: '7',
        label: 'Nhiệm vụ 7. Hiện đại hóa hành chính',
        labelEn: 'Task 7. Modernisation',
        max: '15.0',
        text: '-Nhiệm vụ 7. Hiện đại hóa hành chính: đạt 7.88/15.0 điểm',
        show: true,
        children: [
          {
            number: '7.1',
            label: 'Ứng dụng CNTT của tỉnh',
            labelEn: 'IT applications',
            max: '3.0',
            text: '7.1. Ứng dụng CNTT của tỉnh: 1.5/3.0 điểm',
            children: [
              { number: '7.1.1', label: 'Kế hoạch ứng dụng CNTT', labelEn: 'IT plan', max: '1.0', text: '7.1.1 Kế hoạch ứng dụng CNTT: 0.0/1.0 điểm.', comment: true },
              { number: '7.1.2', label: 'Ban hành KH và triển khai việc số hóa kết quả giải quyết TTHC', labelEn: 'Digitising results', max: '1.0', text: '7.1.2 Ban hành KH và triển khai việc số hóa kết quả giải quyết TTHC: 1.0/1.0 điểm' },
              { number: '7.1.3', label: 'Chuyên mục chuyển đổi số trên trang thông tin điện tử xã', labelEn: 'Digital-transformation section of the website', max: '1.0', text: '7.1.3 Chuyên mục chuyển đổi số trên trang thông tin điện tử xã: 0.5/1.0 điểm.', comment: true },
            ],
          },
          { number: '7.2', label: 'Tỷ lệ hồ sơ TTHC được xử lý trực tuyến mức độ 3 và 4', labelEn: 'Cases handled online (levels 3 and 4)', max: '1.5', text: '7.2. Tỷ lệ hồ sơ TTHC được xử lý trực tuyến mức độ 3 và 4: 0.38/1.5 điểm.', comment: true },
          {
            number: '7.3',
            label: 'Thực hiện tiếp nhận hồ sơ, trả kết quả giải quyết TTHC qua dịch vụ bưu chính công ích',
            labelEn: 'Cases through the public postal service',
            max: '1.5',
            text: '7.3 Thực hiện tiếp nhận hồ sơ, trả kết quả giải quyết TTHC qua dịch vụ bưu chính công ích: 0.0/1.5 điểm.',
            comment: true,
          },
          {
            number: '7.4',
            label: 'Triển khai văn bản điện tử',
            labelEn: 'Electronic documents',
            max: '2.0',
            text: '7.4 Triển khai văn bản điện tử: 1.0/2.0 điểm',
            children: [
              { number: '7.4.1', label: 'Tỷ lệ trao đổi văn bản điện tử trên môi trường mạng', labelEn: 'Documents exchanged electronically', max: '1.0', text: '7.4.1 Tỷ lệ trao đổi văn bản điện tử trên môi trường mạng: 1.0/1.0 điểm' },
              { number: '7.4.2', label: 'Tỷ lệ văn bản đi được ký số của UBND xã', labelEn: 'Outgoing documents digitally signed', max: '1.0', text: '7.4.2 Tỷ lệ văn bản đi được ký số của UBND xã: 0.0/1.0 điểm.', comment: true },
            ],
          },
          {
            number: '7.5',
            label: 'Kết quả xử lý phản ánh hiện trường của cá nhân, tổ chức trên Hệ thống thông tin phản ánh hiện trường của tỉnh',
            labelEn: 'Field reports handled',
            max: '1.0',
            text: '7.5 Kết quả xử lý phản ánh hiện trường của cá nhân, tổ chức trên Hệ thống thông tin phản ánh hiện trường của tỉnh: 1.0/1.0 điểm (55/55 phản ánh đã xử lý)',
            comment: true,
          },
          {
            number: '7.6',
            label: 'Áp dụng hệ thống quản lý chất lượng ISO',
            labelEn: 'ISO quality management',
            max: '3.0',
            text: '7.6 Áp dụng hệ thống quản lý chất lượng ISO: 2.0/3.0 điểm',
            children: [
              { number: '7.6.1', label: 'Công bố hệ thống quản lý chất lượng phù hợp TCVN ISO', labelEn: 'ISO system declared', max: '1.0', text: '7.6.1 Công bố hệ thống quản lý chất lượng phù hợp TCVN ISO: 0.5/1.0 điểm.', comment: true },
              { number: '7.6.2', label: 'Công bố ISO theo quy định', labelEn: 'ISO declared as required', max: '1.0', text: '7.6.2 Công bố ISO theo quy định: 1.0/1.0 điểm' },
              { number: '7.6.3', label: 'Thực hiện đúng việc duy trì, cải tiến ISO theo quy định', labelEn: 'ISO maintained and improved', max: '1.0', text: '7.6.3 Thực hiện đúng việc duy trì, cải tiến ISO theo quy định: 0.5/1.0 điểm.', comment: true },
            ],
          },
          {
            number: '7.7',
            label: 'Thực hiện công tác văn thư, lưu trữ',
            labelEn: 'Records and archives',
            max: '2.0',
            text: '7.7 Thực hiện công tác văn thư, lưu trữ: 1.5/2.0 điểm.',
            children: [
              {
                number: '7.7.1',
                label: 'Thực hiện Công tác quản lý văn bản đi, văn bản đến qua Hệ thống Quản lý văn bản và điều hành',
                labelEn: 'Documents managed in the document system',
                max: '1.0',
                text: '7.7.1 Thực hiện Công tác quản lý văn bản đi, văn bản đến qua Hệ thống Quản lý văn bản và điều hành: 1.0/1.0 điểm',
              },
              { number: '7.7.2', label: 'Lập danh mục hồ sơ UBND cấp xã', labelEn: 'File list of the commune', max: '1.0', text: '7.7.2 Lập danh mục hồ sơ UBND cấp xã: 0.5/1.0 điểm.', comment: true },
            ],
          },
          { number: '7.8', label: 'Chất lượng trang thông tin điện tử của địa phương', labelEn: 'Quality of the local website', max: '1.0', text: '7.8 Chất lượng trang thông tin điện tử của địa phương: 0.5/1.0 điểm.', comment: true },
        ],
      },
      {
        number: '8',
        label: 'Nhiệm vụ 8. Tác động của CCHC đến các chỉ tiêu phát triển KT-XH',
        labelEn: 'Task 8. Effect on socio-economic targets',
        max: '4.0',
        text: '- Nhiệm vụ 8: Tác động của CCHC đến các chỉ tiêu phát triển KT-XH: 1.0/4.0 điểm',
        show: true,
        children: [
          { number: '8.1', label: 'Thực hiện thu NS hàng năm của xã theo KH được HĐND thị xã giao', labelEn: 'Annual budget revenue', max: '2.0', text: '8.1 Thực hiện thu NS hàng năm của xã theo KH được HĐND thị xã giao: 1.0/2.0 điểm.', comment: true },
          {
            number: '8.2',
            label: 'Mức độ thực hiện các chỉ tiêu phát triển KT-XH do HĐND và UBND thị xã giao',
            labelEn: 'Socio-economic targets met',
            max: '2.0',
            text: '8.2 Mức độ thực hiện các chỉ tiêu phát triển KT-XH do HĐND và UBND thị xã giao: 0.0/2.0 điểm.',
            comment: true,
          },
        ],
      },
    ],
  },
  {
    number: 'II',
    label: 'Nhóm tiêu chí điều tra xã hội học',
    labelEn: 'Sociological survey',
    max: '30',
    text: '*Nhóm tiêu chí: Điều tra xã hội học',
    show: true,
    children: [
      {
        number: '9',
        label: 'Nhiệm vụ 9. Đánh giá mức độ hài lòng của người dân, tổ chức',
        labelEn: 'Task 9. Satisfaction of citizens and organisations',
        max: '30.0',
        text: '- Nhiệm vụ 9: Đánh giá mức độ hài lòng của người dân, tổ chức: 28.666/30.0 điểm',
        show: true,
      },
    ],
  },
];

const show = { decimals: 3, rounding: 'half-up' } as const;

function criterion(row: Row): Criterion {
  const k = key(row.number);
  const base = {
    id: row.number.replace(/\*/g, ''),
    number: row.number,
    label: { vi: row.label, en: row.labelEn },
    max: row.max,
    citation: line(row.text, row.textEn),
    ...(row.show ? { show } : {}),
  };
  if (row.children) return { ...base, children: row.children.map(criterion), stated: `stated${k}` };
  return { ...base, score: { kind: 'entered', input: `p${k}`, ...(row.comment ? { commentInput: `note${k}` } : {}) } };
}

function inputsOf(row: Row): RuleSetInput[] {
  const k = key(row.number);
  const name = { vi: `${row.number} ${row.label}`, en: `${row.number} ${row.labelEn}` };
  if (row.children) {
    return [
      { id: `stated${k}`, label: { vi: `${name.vi} — điểm văn bản ghi`, en: `${name.en} — as the document states it` }, kind: 'points', optional: true },
      ...row.children.flatMap(inputsOf),
    ];
  }
  return [
    { id: `p${k}`, label: { vi: `${name.vi} — điểm thẩm định`, en: `${name.en} — appraised points` }, kind: 'points', ...(row.notApplicable ? { notApplicable: true } : {}) },
    ...(row.comment ? [{ id: `note${k}`, label: { vi: `${name.vi} — đánh giá của Hội đồng thẩm định`, en: `${name.en} — the appraisal council's comment` }, kind: 'text' as const }] : []),
  ];
}

const total: Row = {
  number: 'CCHC',
  label: 'Chỉ số cải cách hành chính',
  labelEn: 'Administrative reform index',
  max: '100',
  text: 'Sở Nội vụ tỉnh Thừa Thiên Huế thẩm định, đánh giá chấm điểm UBND xã Thủy Thanh đạt 78.636/100 điểm.',
  textEn: "The Department of Home Affairs appraised the commune's index at 78.636 of 100.",
  children: rows,
};

const citation = (text: string, textEn: string, section = 'I.1'): Citation => ({ section, text, textEn });

export const thuyThanhCchc2022: RuleSet = {
  schemaVersion: 2,
  id: 'thuy-thanh-cchc-2022',
  title: {
    vi: 'Chỉ số cải cách hành chính năm 2022 — xã Thủy Thanh',
    en: 'Administrative reform (CCHC) index 2022 — Thủy Thanh commune',
  },
  authority: {
    vi: 'UBND xã Thủy Thanh, thị xã Hương Thủy, tỉnh Thừa Thiên Huế (thẩm định: Sở Nội vụ tỉnh Thừa Thiên Huế)',
    en: "Thủy Thanh Commune People's Committee, Hương Thủy, Thừa Thiên Huế (appraised by the provincial Department of Home Affairs)",
  },
  sources: [
    {
      id: 'kh-69',
      title: 'Kế hoạch Nâng cao chỉ số Cải cách hành chính năm 2023',
      reference: 'Số 69/KH-UBND, Thủy Thanh, ngày 12 tháng 12 năm 2022',
      note: 'Section I reports the 2022 index as appraised: every criterion, its maximum, the appraised points and the council\u2019s comment.',
    },
  ],
  period: { start: '2022-01-01', end: '2022-12-31', timeZone: 'Asia/Ho_Chi_Minh', cadence: 'year' },
  currency: 'VND',
  inputs: inputsOf(total),
  relations: [],
  metrics: [],
  score: {
    criteria: criterion(total),
    adjustments: [],
    statedSubtotals: {
      use: 'authoritative',
      citation: citation(
        'Sở Nội vụ tỉnh Thừa Thiên Huế thẩm định, đánh giá chấm điểm UBND xã Thủy Thanh đạt 78.636/100 điểm.',
        "The appraisal body's figures — each task's, each group's and the total — are the result; where the listed parts add up to something else, that is said, not substituted.",
      ),
    },
    rounding: {
      decimals: 3,
      mode: 'half-up',
      citation: citation('Sở Nội vụ tỉnh Thừa Thiên Huế thẩm định, đánh giá chấm điểm UBND xã Thủy Thanh đạt 78.636/100 điểm.', 'The total is published with 3 decimals.'),
    },
    unscored: {
      code: 'no-score',
      message: { vi: 'Chưa có điểm', en: 'No score' },
      citation: citation('Sở Nội vụ tỉnh Thừa Thiên Huế thẩm định, đánh giá chấm điểm', 'Every unit appraised has a score.'),
    },
  },
  ranking: {
    ties: [],
    citation: citation(
      'Nhìn chung kết quả chấm điểm về thẩm định các văn bản, xã Thủy Thanh đứng thứ 02/10 xã, phường với số điểm 49.97/70 điểm',
      'Communes are ranked by their points; equal totals share a rank (the document states no tie rule).',
    ),
    alsoBy: [
      {
        criterion: 'I',
        citation: citation(
          'Nhìn chung kết quả chấm điểm về thẩm định các văn bản, xã Thủy Thanh đứng thứ 02/10 xã, phường với số điểm 49.97/70 điểm',
          'The document ranks the commune by group I, the appraised self-assessed criteria: 2nd of 10 with 49.97 of 70.',
        ),
      },
      {
        criterion: 'II',
        citation: citation(
          'bên cạnh đó điểm điều tra xã hội học về sự hài lòng của người dân đối với cán bộ tiếp nhận và trả kết quả của xã đạt 28.666/30 điểm nên dẫn đến việc tổng hợp số điểm bình quân của xã còn thấp so với các địa phương khác',
          'The document compares the commune with the others on group II, the sociological survey (28.666 of 30); ranked by it as by group I.',
        ),
      },
    ],
  },
  groups: [
    {
      id: 'communes',
      name: { vi: 'Các xã, phường thuộc thị xã Hương Thủy', en: 'Communes and wards of Hương Thủy town' },
      shortName: { vi: 'Xã, phường', en: 'Communes' },
      citation: citation('xã Thủy Thanh đứng thứ 02/10 xã, phường', 'Thủy Thanh is compared with the 10 communes and wards of the town.'),
    },
  ],
};
