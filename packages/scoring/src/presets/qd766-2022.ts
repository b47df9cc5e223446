import type { Citation } from '../schema/common.js';
import type { Criterion, Metric, RuleSet, RuleSetInput } from '../schema/rule-set.js';

/**
 * The national service index of Decision 766/QĐ-TTg (23/6/2022): ministries, provinces — and within
 * a province its departments, districts and communes — scored out of 100 on the national
 * public-service portal, in six groups; Quảng Nam races its departments and districts on it weekly.
 *
 * Which formulas come from where (each criterion's citation names its source):
 * - the six groups and their maxima (18 / 20 / 12 / 10 / 18 / 22) and each item's maximum: the
 *   portal's metric table as published with the decision's guidance (`analysis`: metrics.m0.json);
 * - the items' formulas: REPRODUCED FROM THE PORTAL'S PUBLISHED PER-UNIT DATA by a public analysis
 *   (GitHub ChippedTopaz/qd766, docs/SCORING_ANALYSIS_M0.md), which matched every observation within
 *   0.015 points — not the decision's text;
 * - online services (12 points): no formula reproduces the published scores, so the score the portal
 *   publishes is entered as it is;
 * - what the analysis left open (an empty denominator in transparency, progress and digitisation)
 *   is this rule set's reading, said in those citations.
 */

const analysis = 'analysis';
const fromAnalysis = (section: string, text: string, textEn: string): Citation => ({ section, text, textEn, source: analysis });
/** The portal's formula description (source "formulas"), item by item, verbatim. */
const portal = (item: string, text: string, textEn: string): Citation => ({ section: item, text, textEn, source: 'formulas' });

interface Item {
  id: string;
  label: string;
  labelEn: string;
  max: string;
  /** Numerator and denominator inputs. */
  of: [string, { vi: string; en: string }];
  per: [string, { vi: string; en: string }];
  kind: 'linear' | 'capped';
  target?: string;
  whenEmpty: 'none' | 'zero' | 'full';
  /** The denominator the source falls back to when `per` is 0 (item 1.4: the previous year's count). */
  perWhenEmpty?: [string, { vi: string; en: string }];
  citation: Citation;
  /** How the portal's formula description counts the share's numerator and denominator, where it says. */
  shareCitation?: Citation;
}

const transparencyFormula = 'Với cả bốn metric: điểm = điểm tối đa × tỷ lệ / 100';
const digitisationFormula = 'Phần lớn metric dùng: điểm = min(điểm tối đa, điểm tối đa × tỷ lệ / 100)';
/**
 * What the analysis could not observe — an empty denominator — the portal's formula description
 * says for every item: "Nếu mẫu số = 0: hiển thị 0 hoặc N/A theo quy định báo cáo". Of its two
 * options this rule set takes 0 (docs/decisions/0016-qd766-empty-denominators-and-sync-fallback.md).
 */
const emptyIsZero = ' With an empty denominator the portal\u2019s formula description says "Nếu mẫu số = 0: hiển thị 0 hoặc N/A theo quy định báo cáo"; of its two options this rule set takes 0.';

const groups: { id: string; label: string; labelEn: string; max: string; items: Item[]; text: string }[] = [
  {
    id: 'transparency',
    label: 'Công khai, minh bạch',
    labelEn: 'Transparency',
    max: '18',
    text: '- Công khai: 6 / 4 / 2 / 6, đủ 18.',
    items: [
      {
        id: 'publishOnTime',
        label: 'Tỷ lệ thủ tục hành chính công bố đúng hạn',
        labelEn: 'Procedures announced on time',
        max: '6',
        of: ['publishedOnTime', { vi: 'Số TTHC công bố đúng hạn', en: 'Procedures announced on time' }],
        per: ['publishDue', { vi: 'Tổng số TTHC phải công bố trong kỳ', en: 'Procedures due to be announced' }],
        kind: 'linear',
        whenEmpty: 'zero',
        citation: fromAnalysis('Công khai, minh bạch', transparencyFormula, `Maximum × share.${emptyIsZero}`),
      },
      {
        id: 'publicUpdateOnTime',
        label: 'Tỷ lệ thủ tục hành chính được cập nhật, công khai đúng hạn',
        labelEn: 'Procedures updated and published on time',
        max: '4',
        of: ['updatedOnTime', { vi: 'Số TTHC cập nhật, công khai đúng hạn', en: 'Procedures updated on time' }],
        per: ['updateDue', { vi: 'Tổng số TTHC phải cập nhật, công khai', en: 'Procedures due to be updated' }],
        kind: 'linear',
        whenEmpty: 'zero',
        citation: fromAnalysis('Công khai, minh bạch', transparencyFormula, `Maximum × share.${emptyIsZero}`),
      },
      {
        id: 'publicContentFull',
        label: 'Tỷ lệ TTHC được công khai có đầy đủ các nội dung quy định',
        labelEn: 'Procedures published in full',
        max: '2',
        of: ['publishedInFull', { vi: 'Số TTHC công bố, công khai đúng quy định', en: 'Procedures published in full' }],
        per: ['published', { vi: 'Tổng số TTHC được công bố, công khai trong kỳ', en: 'Procedures published' }],
        kind: 'linear',
        whenEmpty: 'zero',
        citation: fromAnalysis('Công khai, minh bạch', transparencyFormula, `Maximum × share.${emptyIsZero}`),
      },
      {
        id: 'dossierSync',
        label: 'Tỷ lệ hồ sơ được đồng bộ trạng thái theo thời gian thực với Cổng Dịch vụ công quốc gia',
        labelEn: 'Cases synchronised in real time with the national portal',
        max: '6',
        of: ['casesSynced', { vi: 'Số hồ sơ đồng bộ đúng hạn', en: 'Cases synchronised on time' }],
        per: ['casesToSync', { vi: 'Tổng số hồ sơ tiếp nhận, đang giải quyết hoặc trả kết quả', en: 'Cases received, in progress or returned' }],
        perWhenEmpty: [
          'casesPreviousYear',
          { vi: 'Tổng số lượng hồ sơ của năm trước liền kề (Hệ thống báo cáo quốc gia)', en: 'Cases of the previous year (national reporting system)' },
        ],
        kind: 'linear',
        whenEmpty: 'zero',
        citation: {
          section: '1.4 Tỷ lệ hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia',
          text: 'Nếu hệ thống BCQG và DVCQG không có số lượng hồ sơ cần đồng bộ (mẫu số =0 hoặc null) thì tính toán theo cách sau: … Mẫu số (kỳ báo cáo năm)= Tổng số lượng hồ sơ của năm trước liền kề. Nếu năm trước liền kề không có số liệu, tỷ lệ hồ sơ đồng bộ = 0.',
          textEn:
            "Maximum × share. With no cases to synchronise this period, the denominator is the previous year's count (the campaign's figures are the year's, so the year's rule applies); with none that year either, the share is 0 — not full marks.",
          source: 'formulas',
        },
      },
    ],
  },
  {
    id: 'progress',
    label: 'Tiến độ giải quyết',
    labelEn: 'Progress',
    max: '20',
    text: '- Tiến độ: tỷ lệ trước hạn/đúng hạn 20 theo METRICS.',
    items: [
      {
        id: 'onTime',
        label: 'Tỷ lệ hồ sơ xử lý đúng hạn (trước hạn, đúng hạn)',
        labelEn: 'Cases handled on time or early',
        max: '20',
        of: ['handledOnTime', { vi: 'Số hồ sơ đã và đang xử lý trước hạn, đúng hạn, trong hạn', en: 'Cases handled on time, early or within time' }],
        per: ['handled', { vi: 'Tổng số hồ sơ tiếp nhận và xử lý trong kỳ', en: 'Cases received and handled' }],
        kind: 'linear',
        whenEmpty: 'zero',
        citation: fromAnalysis(
          'Tiến độ giải quyết',
          'tỷ lệ đúng hạn = totalOnTime / totalReceived; điểm = 20 × tỷ lệ đúng hạn',
          '20 × cases on time / cases received. No unit without cases was observed; this rule set gives 0 then.',
        ),
      },
    ],
  },
  {
    id: 'payment',
    label: 'Thanh toán trực tuyến',
    labelEn: 'Online payment',
    max: '10',
    text: '- Thanh toán: hồ sơ thanh toán trực tuyến 10 theo METRICS',
    items: [
      {
        id: 'paymentA',
        label: 'Hồ sơ có nghĩa vụ tài chính được thanh toán trực tuyến (A)',
        labelEn: 'Cases with a financial obligation paid online (A)',
        max: '6',
        of: ['obligationsPaidOnline', { vi: 'Số hồ sơ thanh toán trực tuyến thành công', en: 'Cases paid online' }],
        per: ['obligations', { vi: 'Tổng số hồ sơ có nghĩa vụ tài chính', en: 'Cases with a financial obligation' }],
        kind: 'linear',
        whenEmpty: 'zero',
        citation: fromAnalysis('Thanh toán trực tuyến', 'điểm = 6 × A + min(2, 2,5 × B) + 2,5 × C', 'A = cases paid online / cases with a financial obligation: 6 × A. An empty share is 0, as observed.'),
      },
      {
        id: 'paymentB',
        label: 'TTHC có thu phí được thanh toán trực tuyến (B)',
        labelEn: 'Fee-charging procedures paid online (B)',
        max: '2',
        of: ['feeProceduresPaidOnline', { vi: 'Số TTHC thanh toán trực tuyến thành công', en: 'Fee-charging procedures paid online' }],
        per: ['feeProcedures', { vi: 'Tổng số TTHC có thu phí, lệ phí', en: 'Fee-charging procedures' }],
        kind: 'capped',
        target: '80',
        whenEmpty: 'zero',
        citation: fromAnalysis('Thanh toán trực tuyến', 'điểm = 6 × A + min(2, 2,5 × B) + 2,5 × C', 'min(2, 2.5 × B) = 2 × B / 0.8, capped at 2: full marks from 80%. An empty share is 0.'),
      },
      {
        id: 'paymentC',
        label: 'TTHC có thu phí có phát sinh hồ sơ (C)',
        labelEn: 'Fee-charging procedures with cases (C)',
        max: '2.5',
        of: ['feeProceduresWithCases', { vi: 'Số TTHC có thu phí có phát sinh hồ sơ', en: 'Fee-charging procedures with cases' }],
        per: ['feeProcedures', { vi: 'Tổng số TTHC có thu phí, lệ phí', en: 'Fee-charging procedures' }],
        kind: 'linear',
        whenEmpty: 'zero',
        citation: fromAnalysis(
          'Thanh toán trực tuyến',
          'điểm = 6 × A + min(2, 2,5 × B) + 2,5 × C',
          'C = fee-charging procedures with cases / fee-charging procedures: 2.5 × C. The three parts reach 10.5; the group is capped at its maximum of 10.',
        ),
      },
    ],
  },
  {
    id: 'satisfaction',
    label: 'Mức độ hài lòng',
    labelEn: 'Satisfaction',
    max: '18',
    text: '- Hài lòng: đúng hạn PAKN / hài lòng PAKN / hài lòng TTHC mỗi mục 6 điểm.',
    items: [
      {
        id: 'receivingSatisfaction',
        label: 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính',
        labelEn: 'Satisfaction with receiving and resolving cases',
        max: '6',
        of: ['casesSatisfied', { vi: 'Số hồ sơ không có đánh giá không hài lòng, phản ánh hoặc quá hạn', en: 'Cases without a dissatisfied rating, complaint or delay' }],
        per: ['casesResolved', { vi: 'Tổng số hồ sơ đã tiếp nhận, giải quyết', en: 'Cases received and resolved' }],
        kind: 'capped',
        target: '90',
        whenEmpty: 'zero',
        citation: fromAnalysis(
          'Mức độ hài lòng',
          'nếu denominator = 0: điểm = 0; ngược lại: điểm = min(6, 6 × numerator / denominator / 0,90)',
          'Full marks from 90% satisfied; 0 without cases.',
        ),
      },
      {
        id: 'petitionsOnTime',
        label: 'Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn',
        labelEn: 'Petitions handled on time',
        max: '6',
        of: ['petitionsHandledOnTime', { vi: 'Số phản ánh, kiến nghị xử lý đúng, trước hạn và đang xử lý trong hạn', en: 'Petitions handled on time' }],
        per: ['petitions', { vi: 'Tổng số phản ánh, kiến nghị thuộc thẩm quyền', en: 'Petitions within competence' }],
        kind: 'linear',
        whenEmpty: 'full',
        citation: fromAnalysis('Mức độ hài lòng', 'PETITION_PROCESSING_ON_TIME: nếu denominator = 0: điểm = 6; ngược lại: điểm = 6 × numerator / denominator', '6 × share; full marks without petitions.'),
      },
      {
        id: 'petitionsSatisfaction',
        label: 'Tỷ lệ hài lòng trong xử lý phản ánh, kiến nghị',
        labelEn: 'Satisfaction with how petitions were handled',
        max: '6',
        of: ['petitionsSatisfied', { vi: 'Số phản ánh, kiến nghị không bị phản hồi không hài lòng', en: 'Petitions without a dissatisfied reply' }],
        per: ['petitionsHandled', { vi: 'Tổng số phản ánh, kiến nghị đã xử lý', en: 'Petitions handled' }],
        kind: 'linear',
        whenEmpty: 'full',
        citation: fromAnalysis('Mức độ hài lòng', 'PETITION_HANDLING_SATISFACTION: nếu denominator = 0: điểm = 6; ngược lại: điểm = 6 × numerator / denominator', '6 × share; full marks without petitions.'),
      },
    ],
  },
  {
    id: 'digitisation',
    label: 'Số hóa hồ sơ',
    labelEn: 'Digitisation',
    max: '22',
    text: '- Số hóa: 6 / 4 / 2 / 2 / 4 / 2 / 2, đủ 22 trong danh mục nguồn.',
    items: [
      {
        id: 'originalResult',
        label: 'Tỷ lệ hồ sơ thủ tục hành chính có cấp kết quả giải quyết thủ tục hành chính điện tử',
        labelEn: 'Cases with an electronic result',
        max: '6',
        of: ['casesElectronicResult', { vi: 'Số hồ sơ TTHC có cấp kết quả giải quyết TTHC điện tử', en: 'Cases given an electronic result' }],
        per: ['casesPaperResult', { vi: 'Tổng số hồ sơ của các TTHC yêu cầu trả kết quả bằng văn bản, giấy tờ', en: 'Cases of procedures whose result is a paper document' }],
        shareCitation: portal(
          '4.1',
          'Tử số = tổng số hồ sơ TTHC đồng bộ kết quả xử lý có link file kết quả giải quyết đính kèm và TTHC đó yêu cầu trả kết quả bằng văn bản, giấy tờ. Mẫu số = Tổng số hồ sơ TTHC thuộc thẩm quyền giải quyết của các TTHC có yêu cầu trả kết quả bằng văn bản, giấy tờ.',
          'Numerator: cases whose result was synchronised with the result file attached, of procedures whose result is a paper document; denominator: all cases of those procedures.',
        ),
      },
      {
        id: 'digitisedCases',
        label: 'Tỷ lệ hồ sơ thủ tục hành chính thực hiện số hóa hồ sơ',
        labelEn: 'Cases digitised',
        max: '4',
        of: ['casesDigitised', { vi: 'Số hồ sơ TTHC thực hiện số hóa hồ sơ và cấp kết quả giải quyết điện tử', en: 'Cases digitised and given an electronic result' }],
        per: ['casesInCompetence', { vi: 'Tổng số hồ sơ TTHC thuộc thẩm quyền giải quyết (có ngày tiếp nhận trong kỳ)', en: 'Cases within competence (received in the period)' }],
        shareCitation: portal(
          '4.2',
          'Tỷ lệ hồ sơ thủ tục hành chính thực hiện số hóa hồ sơ = [Tổng số hồ sơ thủ tục hành chính : (1) thực hiện quy trình số hóa hồ sơ, kết quả giải quyết TTHC (bao gồm hồ sơ số hóa trong tiếp nhận trực tiếp, qua bưu chính và hồ sơ trực tuyến) và (2) cấp kết quả giải quyết điện tử đối với TTHC yêu cầu trả kết quả bằng văn bản giấy tờ /Tổng số hồ sơ TTHC thuộc thẩm quyền giải quyết] * 100%.',
          'Numerator: cases both digitised and given an electronic result (where the result is a paper document); denominator: cases within competence.',
        ),
      },
      {
        id: 'certifiedCopy',
        label: 'Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính',
        labelEn: 'Electronic certified copies offered',
        max: '2',
        of: ['communesCertifying', { vi: 'Số xã cung cấp chứng thực bản sao điện tử từ bản chính', en: 'Communes offering electronic certified copies' }],
        per: ['communes', { vi: 'Tổng số xã thuộc thẩm quyền quản lý', en: 'Communes managed' }],
        // The portal's formula description has no entry for this item (formula-maximums: no formulaId).
      },
      {
        id: 'reusedData',
        label: 'Tỷ lệ hồ sơ khai thác, sử dụng lại thông tin, dữ liệu số hóa',
        labelEn: 'Cases reusing digitised data',
        max: '2',
        of: ['casesReusingData', { vi: 'Số hồ sơ TTHC có sử dụng lại thông tin, dữ liệu, giấy tờ điện tử đã được số hóa', en: 'Cases reusing digitised information, data or documents' }],
        per: ['casesInCompetence', { vi: 'Tổng số hồ sơ TTHC thuộc thẩm quyền giải quyết (có ngày tiếp nhận trong kỳ)', en: 'Cases within competence (received in the period)' }],
        target: '80',
        shareCitation: portal(
          '4.3',
          'Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa = Tổng số hồ sơ TTHC có sử dụng lại thông tin, dữ liệu, giấy tờ điện tử đã được số hóa/Tổng số hồ sơ TTHC thuộc thẩm quyền giải quyết * 100%. … Tổng số hồ sơ TTHC thuộc thẩm quyền giải quyết = Tổng số hồ sơ có Ngày tiếp nhận trong kỳ.',
          'Numerator: cases with at least one component marked as reusing digitised data; denominator: cases received in the period.',
        ),
      },
      {
        id: 'syncedStorage',
        label: 'Tỷ lệ hồ sơ TTHC được số hóa có kết nối, chia sẻ dữ liệu phục vụ tái sử dụng',
        labelEn: 'Digitised cases shared for reuse',
        max: '4',
        of: ['casesSharedForReuse', { vi: 'Số hồ sơ TTHC được số hóa có kết nối, đồng bộ với danh mục hồ sơ của cá nhân, tổ chức trên Cổng DVCQG', en: 'Digitised cases linked to the personal records on the national portal' }],
        per: ['casesInCompetence', { vi: 'Tổng số hồ sơ TTHC thuộc thẩm quyền giải quyết (có ngày tiếp nhận trong kỳ)', en: 'Cases within competence (received in the period)' }],
        shareCitation: portal(
          '4.4',
          'Số hồ sơ TTHC được số hóa có kết nối, đồng bộ với danh mục hồ sơ của cá nhân, tổ chức trên Cổng Dịch vụ công quốc gia: tổng số hồ sơ đồng bộ có ít nhất 1 file đính kèm trong thành phần hồ sơ được đánh dấu lấy từ kho dữ liệu cá nhân hoặc đồng bộ links kết quả giải quyết điện tử lên danh mục (Cổng DVCQG). … Tổng số hồ sơ TTHC thuộc thẩm quyền giải quyết: Tổng số hồ sơ có ngày tiếp nhận trong kỳ báo cáo',
          'Numerator: cases with a component taken from the personal data store, or whose electronic result was linked to the portal; denominator: cases received in the period.',
        ),
      },
      {
        id: 'citizenDataDossier',
        label: 'Tỷ lệ hồ sơ TTHC có sử dụng thông tin, dữ liệu dân cư',
        labelEn: 'Cases using population data',
        max: '2',
        of: ['casesUsingPopulationData', { vi: 'Số hồ sơ đồng bộ có sử dụng thông tin, dữ liệu từ CSDL quốc gia về dân cư (VNeID, kho dữ liệu)', en: 'Cases using the national population database (VNeID, data store)' }],
        per: ['casesInCompetence', { vi: 'Tổng số hồ sơ TTHC thuộc thẩm quyền giải quyết (có ngày tiếp nhận trong kỳ)', en: 'Cases within competence (received in the period)' }],
        shareCitation: portal(
          '4.5',
          'Tỷ lệ hồ sơ TTHC sử dụng thông tin, dữ liệu từ Cơ sở dữ liệu quốc gia về dân cư = Tổng số hồ sơ đồng bộ có “taikhoanduocxacthucvoiVNeID” hoặc “DuoclaytukhoDMQG”, “MaCSDL” của CSDL Dân cư/Tổng số hồ sơ TTHC * 100%',
          'Numerator: cases with a VNeID-verified account or data taken from the population database; denominator: the unit\u2019s cases.',
        ),
      },
      {
        id: 'citizenDataFormality',
        label: 'Tỷ lệ TTHC triển khai kết nối, chia sẻ dữ liệu dân cư phục vụ giải quyết TTHC',
        labelEn: 'Procedures connected to population data',
        max: '2',
        of: ['proceduresUsingPopulationData', { vi: 'Số TTHC có kết nối, chia sẻ dữ liệu dân cư phục vụ giải quyết TTHC', en: 'Procedures connected to population data' }],
        per: ['proceduresForCitizens', { vi: 'Tổng số TTHC có đối tượng thực hiện là người dân', en: 'Procedures whose applicants are citizens' }],
        shareCitation: portal(
          '4.5',
          'Tỷ lệ TTHC triển khai kết nối, chia sẻ dữ liệu dân cư phục vụ giải quyết TTHC = Số TTHC có kết nối, chia sẻ dữ liệu dân cư phục vụ giải quyết TTHC/Tổng số TTHC có đối tượng thực hiện là người dân *100%.',
          'Numerator: procedures with a case connected to population data; denominator: procedures whose applicants are citizens.',
        ),
      },
    ].map((item) => ({
      ...item,
      of: item.of as [string, { vi: string; en: string }],
      per: item.per as [string, { vi: string; en: string }],
      kind: 'capped' as const,
      target: item.target ?? '100',
      whenEmpty: 'zero' as const,
      citation:
        item.id === 'reusedData'
          ? fromAnalysis('Số hóa hồ sơ', 'Riêng REUSED_DIGITIZED_DATA đạt tối đa ở tỷ lệ 80%: điểm = min(2, 2 × tỷ lệ / 80)', `Full marks from 80%.${emptyIsZero}`)
          : fromAnalysis(
              'Số hóa hồ sơ',
              digitisationFormula,
              item.id === 'certifiedCopy'
                ? `min(maximum, maximum × share). The portal\u2019s formula description has no entry for this item: its numerator and denominator are this rule set\u2019s reading of the item\u2019s title.${emptyIsZero}`
                : `min(maximum, maximum × share).${emptyIsZero}`,
            ),
    })),
  },
];

const shareOf = (item: Item): Metric => ({
  id: `${item.id}Share`,
  kind: 'ratio',
  label: { vi: `${item.label} (%)`, en: `${item.labelEn} (%)` },
  short: { vi: item.label, en: item.labelEn },
  of: [item.of[0]],
  per: [item.per[0]],
  percent: true,
  whenEmpty: item.whenEmpty,
  ...(item.perWhenEmpty ? { perWhenEmpty: [item.perWhenEmpty[0]] } : {}),
  ...(item.shareCitation ? { citation: item.shareCitation } : {}),
});

const inputs: RuleSetInput[] = [];
const seen = new Set<string>();
const count = (id: string, label: { vi: string; en: string }, optional = false) => {
  if (seen.has(id)) return;
  seen.add(id);
  inputs.push({ id, label, kind: 'count', ...(optional ? { optional } : {}) });
};
for (const g of groups)
  for (const item of g.items) {
    count(item.of[0], item.of[1]);
    count(item.per[0], item.per[1]);
    // Needed only when this period's denominator is 0; left out, it is "no figures" (share 0).
    if (item.perWhenEmpty) count(item.perWhenEmpty[0], item.perWhenEmpty[1], true);
  }
inputs.push({
  id: 'onlineServicesScore',
  label: { vi: 'Điểm Dịch vụ công trực tuyến (theo Cổng DVCQG)', en: 'Online services score (as the national portal publishes it)' },
  kind: 'points',
  help: {
    vi: 'Nhập điểm nhóm Dịch vụ công trực tuyến như Cổng Dịch vụ công quốc gia công bố (tối đa 12).',
    en: 'Enter the online services score as the national portal publishes it (at most 12).',
  },
});

/**
 * Each item's and each group's points as the portal publishes them: 2 decimals, half-up ("Làm
 * tròn: đề xuất 2 chữ số thập phân"), before they are added — so that the six published groups add
 * up to the published total, as Quảng Nam's publications do.
 */
const published = { decimals: 2, mode: 'half-up' } as const;

const itemCriterion = (item: Item): Criterion => ({
  id: item.id,
  label: { vi: item.label, en: item.labelEn },
  max: item.max,
  citation: item.citation,
  rounded: published,
  score: item.kind === 'linear' ? { kind: 'linear', metric: `${item.id}Share` } : { kind: 'capped', metric: `${item.id}Share`, target: item.target ?? '100' },
});

const maxima = (text: string, textEn: string): Citation => ({ section: 'Điểm tối đa', text, textEn, source: analysis });

const onlineServices: Criterion = {
  id: 'onlineServices',
  label: { vi: 'Cung cấp dịch vụ trực tuyến', en: 'Online services' },
  max: '12',
  citation: {
    section: 'Công thức chưa xác định',
    text: 'Với Dịch vụ công trực tuyến, từng có giả thuyết về thành phần … không được coi là thành phần đã xác nhận.',
    textEn: 'No formula reproduces the published scores of this group: the score the national portal publishes is entered as it is (at most 12).',
    source: analysis,
  },
  show: { decimals: 2, rounding: 'half-up' },
  rounded: published,
  score: { kind: 'entered', input: 'onlineServicesScore' },
};

const groupCriteria: Criterion[] = groups.map((g) => ({
  id: g.id,
  label: { vi: g.label, en: g.labelEn },
  max: g.max,
  citation: maxima(g.text, `Group maximum ${g.max}.`),
  show: { decimals: 2, rounding: 'half-up' },
  rounded: published,
  children: g.items.map(itemCriterion),
}));
groupCriteria.splice(2, 0, onlineServices);

const decision = (section: string, text: string, textEn: string): Citation => ({ section, text, textEn, source: 'qd766' });

export const qd766y2022: RuleSet = {
  schemaVersion: 2,
  id: 'qd766-2022',
  title: {
    vi: 'Chỉ số phục vụ người dân, doanh nghiệp trong thực hiện TTHC, cung cấp DVC (Quyết định 766/QĐ-TTg)',
    en: 'Service index for citizens and businesses (Decision 766/QĐ-TTg)',
  },
  authority: { vi: 'Thủ tướng Chính phủ; Cổng Dịch vụ công quốc gia', en: 'The Prime Minister; the national public-service portal' },
  sources: [
    {
      id: 'qd766',
      title: 'Quyết định phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử',
      reference: 'Số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ',
    },
    {
      id: analysis,
      title: 'Phân tích ngược điểm số M0; bảng METRICS (Công thức 766.xlsx)',
      reference: 'GitHub ChippedTopaz/qd766: docs/SCORING_ANALYSIS_M0.md, docs/metrics.m0.json, docs/FORMULA_MAXIMUMS_20261006.md',
      url: 'https://github.com/ChippedTopaz/qd766',
      note: 'Formulas reproduced from the national portal\u2019s per-unit data, verified on its observations within 0.015 points; not the legal text. Item maxima from the portal\u2019s metric table.',
    },
    {
      id: 'formulas',
      title: 'Mô tả công thức tính chỉ số 766 (Cổng Dịch vụ công quốc gia)',
      reference: 'GitHub ChippedTopaz/qd766: web/src/formula-document.ts (the portal\u2019s formula description, verbatim)',
      url: 'https://github.com/ChippedTopaz/qd766',
      note: 'How the portal counts each item\u2019s numerator and denominator, and what it does when the denominator is empty.',
    },
    {
      id: 'quangnam',
      title: 'Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp của các sở, ngành, địa phương tỉnh Quảng Nam',
      url: 'https://quangnam.gov.vn/print/58228.html',
      note: '2024 publications: the six group scores add up to the total.',
    },
    {
      id: 'vietnamnet',
      title: 'Quảng Nam thi đua hàng tuần nâng cao Chỉ số phục vụ người dân và doanh nghiệp',
      reference: 'vietnamnet.vn, 05/2024, bài 2282847',
      note: 'Weekly ranking of departments and districts: total, class and change since the previous week (Núi Thành 82,14 "tốt"; Bắc Trà My and Phước Sơn tied at 80,73).',
    },
  ],
  period: { start: '2024-01-01', end: '2024-12-31', timeZone: 'Asia/Ho_Chi_Minh', cadence: 'week' },
  currency: 'VND',
  inputs,
  relations: groups.flatMap((g) =>
    g.items.map((item) => ({
      kind: 'compare' as const,
      code: `${item.id}_numerator_exceeds_denominator`,
      left: [item.of[0]],
      op: '<=' as const,
      right: [item.per[0]],
      // Item 1.4 counts cases synchronised against a denominator that may be 0 or null while cases
      // were synchronised ("mẫu số =0 hoặc null"): said, not refused.
      severity: item.perWhenEmpty ? ('warning' as const) : ('error' as const),
    })),
  ),
  metrics: groups.flatMap((g) => g.items.map(shareOf)),
  score: {
    criteria: {
      id: 'total',
      label: { vi: 'Tổng điểm Chỉ số 766', en: 'Index total' },
      max: '100',
      citation: decision('Tổng điểm', 'Tổng điểm tối đa là 100 điểm.', 'The index is scored out of 100: the sum of its six groups.'),
      children: groupCriteria,
    },
    adjustments: [],
    rounding: {
      decimals: 2,
      mode: 'half-up',
      citation: { section: 'Kết quả', text: 'Núi Thành 82,14 "tốt"; Bắc Trà My và Phước Sơn cùng 80,73', textEn: 'Totals are published with 2 decimals.', source: 'vietnamnet' },
    },
    unscored: {
      code: 'no-score',
      message: { vi: 'Chưa có điểm', en: 'No score' },
      citation: decision('Tổng điểm', 'Tổng điểm tối đa là 100 điểm.', 'Every unit with data has a score.'),
    },
  },
  ranking: {
    ties: [],
    citation: {
      section: 'Kết quả',
      text: 'Bắc Trà My và Phước Sơn cùng đạt 80,73 điểm',
      textEn: 'Ranked by total; equal totals share a rank (as the weekly publication does).',
      source: 'vietnamnet',
    },
  },
  classes: {
    levels: [
      { id: 'xuat-sac', label: { vi: 'Xuất sắc', en: 'Excellent' }, min: '90' },
      { id: 'tot', label: { vi: 'Tốt', en: 'Good' }, min: '80' },
      { id: 'kha', label: { vi: 'Khá', en: 'Fair' }, min: '70' },
      { id: 'trung-binh', label: { vi: 'Trung bình', en: 'Average' }, min: '50' },
      { id: 'yeu', label: { vi: 'Yếu', en: 'Weak' }, min: '0' },
    ],
    citation: decision(
      'Xếp loại',
      'Xếp loại: từ 90 đến 100 điểm "xuất sắc"; dưới 50 điểm "yếu"; các mức "tốt", "khá", "trung bình" ở giữa.',
      'Excellent from 90, weak below 50, as published; good from 80, fair from 70 and average from 50 are this rule set\u2019s thresholds between them (Núi Thành\u2019s 82.14 is published as "tốt").',
    ),
  },
  moves: [
    {
      id: 'caseOnTime',
      label: { vi: 'hồ sơ xử lý đúng hạn', en: 'case handled on time' },
      adds: { handledOnTime: 1, handled: 1 },
      citation: fromAnalysis('Tiến độ giải quyết', 'điểm = 20 × tỷ lệ đúng hạn', 'The move the gaps count: one more case handled on time (the largest single item, 20 points).'),
    },
  ],
  groups: [
    {
      id: 'departments',
      name: { vi: 'Các sở, ban, ngành', en: 'Provincial departments' },
      shortName: { vi: 'Sở, ngành', en: 'Departments' },
      citation: { section: 'Thi đua hàng tuần', text: 'thi đua hàng tuần … nâng cao Chỉ số phục vụ người dân và doanh nghiệp', textEn: "The province's departments race weekly.", source: 'vietnamnet' },
    },
    {
      id: 'districts',
      name: { vi: 'Các huyện, thị xã, thành phố', en: 'Districts, towns and cities' },
      shortName: { vi: 'Địa phương', en: 'Districts' },
      citation: { section: 'Thi đua hàng tuần', text: 'thi đua hàng tuần … nâng cao Chỉ số phục vụ người dân và doanh nghiệp', textEn: "The province's districts race weekly.", source: 'vietnamnet' },
    },
  ],
};
