import type { RuleSet } from '../schema/rule-set.js';

/**
 * A second, different campaign — the worked example of docs/adopting.md: a commune (xã Cương
 * Gián, Nghi Xuân, Hà Tĩnh) ranking its own one-stop-shop desks in 2024. It is an EXAMPLE, not a
 * campaign the commune has issued: the floor comes from the commune's real 2024 plan ("Kế hoạch
 * hoạt động kiểm soát TTHC và thực hiện cơ chế một cửa, một cửa liên thông… năm 2024", item VII.6),
 * the late-case severity from a commune target of 98% on time (Thượng Lộ, 2022); the brackets,
 * formula and prizes are the example's own choices and their citations say so.
 *
 * What differs from Núi Thành, on purpose: one group instead of two; a 70% floor plus 30 online
 * cases; no first-prize floor; 2 points per whole percent late, up to 10; small-volume brackets
 * starting at 0.5; coefficient applied before the deduction; four prizes of three kinds.
 */

const exampleSection = 'Ví dụ (example)';

const onlineTarget = {
  section: 'Cương Gián 2024, VII.6',
  text: 'Tỷ lệ nộp hồ sơ trực tuyến đạt 70%; Tỷ lệ nộp hồ sơ trực tuyến toàn trình đạt 90%',
  textEn:
    "The commune's 2024 target: 70% of cases filed online (and 90% of those fully online). The example makes 70% the floor a desk must reach to compete.",
};

export const cuongGian2024Example: RuleSet = {
  schemaVersion: 1,
  id: 'cuong-gian-2024-example',
  title: {
    vi: 'Ví dụ: thi đua giải quyết TTHC qua DVC trực tuyến giữa các bộ phận một cửa — xã Cương Gián 2024',
    en: "Example: online public-service competition among Cương Gián commune's one-stop-shop desks, 2024",
  },
  authority: {
    vi: 'UBND xã Cương Gián, huyện Nghi Xuân, tỉnh Hà Tĩnh (bộ quy tắc ví dụ, không phải kế hoạch đã ban hành)',
    en: "Cương Gián Commune People's Committee, Nghi Xuân, Hà Tĩnh (an example rule set, not an issued plan)",
  },
  source: {
    title:
      'Kế hoạch hoạt động kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông trên địa bàn xã Cương Gián năm 2024',
    note: 'Worked example of docs/adopting.md. Targets quoted from that plan (and from the Thượng Lộ commune plan 63/KH-UBND of 2022); rules marked "Ví dụ (example)" are the example\'s own choices.',
  },
  period: { start: '2024-01-01', end: '2024-12-31', timeZone: 'Asia/Ho_Chi_Minh' },
  currency: 'VND',
  score: {
    base: {
      scale: 100,
      citation: {
        section: 'Cương Gián 2024, VII.6',
        text: 'Kết quả nộp hồ sơ giải quyết trực tuyến một phần và toàn trình',
        textEn:
          'The expected output of item VII.6. The example scores each desk, like Núi Thành, on the share of its cases resolved online on time or early, on a 100-point scale.',
      },
    },
    deduction: {
      pointsPerPercent: '2',
      maxPoints: '10',
      mode: 'whole-percent',
      citation: {
        section: 'Thượng Lộ 2022 (63/KH-UBND), II.3',
        text: 'Kết quả giải quyết hồ sơ thủ tục hành chính của xã được giải quyết đúng hoặc sớm hạn đạt tối thiểu từ 98% trở lên đối với hồ sơ thủ tục hành chính thuộc thẩm quyền giải quyết của cấp xã',
        textEn:
          'A commune target of at least 98% on time leaves room for 2% late. The example deducts 2 points for each whole percent of cases resolved late, at most 10 points (its own choice, stricter than Núi Thành).',
      },
    },
    coefficient: {
      brackets: [
        { minResolvedOnline: 0, coefficient: '0.5' },
        { minResolvedOnline: 50, coefficient: '0.6' },
        { minResolvedOnline: 100, coefficient: '0.7' },
        { minResolvedOnline: 200, coefficient: '0.8' },
        { minResolvedOnline: 400, coefficient: '0.9' },
        { minResolvedOnline: 800, coefficient: '1' },
      ],
      citation: {
        section: exampleSection,
        text: 'Hệ số phát sinh hồ sơ: dưới 50 hồ sơ trực tuyến: 0,5; từ 50 đến dưới 100: 0,6; từ 100 đến dưới 200: 0,7; từ 200 đến dưới 400: 0,8; từ 400 đến dưới 800: 0,9; từ 800 hồ sơ trở lên: 1.',
        textEn:
          "Not from a plan: the example's own volume brackets, scaled to the few hundred cases a commune desk resolves in a year.",
      },
    },
    combination: {
      mode: 'multiply-then-deduct',
      floorAtZero: true,
      citation: {
        section: exampleSection,
        text: 'Điểm = điểm tỷ lệ đúng hạn × hệ số phát sinh hồ sơ − điểm trừ trễ hạn; điểm thấp nhất là 0.',
        textEn: "The example's formula: the coefficient scales the base score, then the late deduction applies in full; never below 0.",
      },
    },
    rounding: {
      decimals: 2,
      mode: 'half-up',
      citation: {
        section: exampleSection,
        text: 'Điểm được làm tròn đến hai chữ số thập phân.',
        textEn: 'Scores are published with 2 decimals, rounded half-up once at the end.',
      },
    },
  },
  ranking: {
    citation: {
      section: exampleSection,
      text: 'Xếp hạng từ cao xuống thấp theo điểm.',
      textEn:
        'Ranked from high to low by published score; ties go to the higher online share, then more online cases; units equal on all three share a rank.',
    },
  },
  prizePolicy: {
    mode: 'best-qualified',
    citation: {
      section: exampleSection,
      text: 'Các giải được trao theo thứ tự xếp hạng cho các bộ phận đủ điều kiện.',
      textEn: 'Prizes go in rank order to eligible desks; no prize has an extra floor in this example.',
    },
  },
  groups: [
    {
      id: 'desks',
      name: {
        vi: 'Các bộ phận, công chức tiếp nhận tại Bộ phận Một cửa xã',
        en: "The commune's one-stop-shop desks (officials receiving cases)",
      },
      shortName: { vi: 'Bộ phận một cửa', en: 'One-stop desks' },
      citation: {
        section: 'Cương Gián 2024, VII.6',
        text: 'Các ngành, CBCC tiếp nhận tại bộ phận một cửa',
        textEn: 'Who carries out item VII.6: the sectors and officials receiving cases at the one-stop shop.',
      },
      eligibility: {
        minOnlineSharePercent: '70',
        minResolvedOnline: 30,
        citation: {
          ...onlineTarget,
          textEn: `${onlineTarget.textEn} It also requires at least 30 online cases, so that a desk with a handful of cases cannot win on a small sample (the example's choice).`,
        },
      },
      prizes: [
        {
          id: 'first',
          label: { vi: 'Giải nhất', en: 'First prize' },
          count: 1,
          amountVnd: 1_500_000,
          citation: { section: exampleSection, text: 'Giải nhất: 1.500.000 đồng' },
        },
        {
          id: 'second',
          label: { vi: 'Giải nhì', en: 'Second prize' },
          count: 1,
          amountVnd: 1_000_000,
          citation: { section: exampleSection, text: 'Giải nhì: 1.000.000 đồng' },
        },
        {
          id: 'encouragement',
          label: { vi: 'Giải khuyến khích', en: 'Encouragement prize' },
          count: 2,
          amountVnd: 500_000,
          citation: { section: exampleSection, text: 'Giải khuyến khích: 500.000 đồng' },
        },
      ],
      prizesCitation: {
        section: exampleSection,
        text: 'Có 04 giải gồm: 01 giải nhất, 01 giải nhì, 02 giải khuyến khích.',
        textEn: "Four prizes: one first, one second, two encouragement (the example's choice).",
      },
    },
  ],
};
