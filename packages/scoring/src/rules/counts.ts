/** The four counts every rule reads (validated: integers, 0 ≤ T ≤ O ≤ R, L ≤ R, T + L ≤ R). */
export interface Counts {
  /** tổng số hồ sơ đã giải quyết — all cases resolved */
  R: number;
  /** hồ sơ giải quyết trực tuyến — resolved online */
  O: number;
  /** hồ sơ trực tuyến đúng hạn, trước hạn — online, on time or early */
  T: number;
  /** hồ sơ trễ hạn — late, every channel */
  L: number;
}

