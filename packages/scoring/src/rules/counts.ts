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

/** k more cases resolved online on time: each adds one to R, O and T. */
export const withMoreOnTimeOnline = (c: Counts, k: number): Counts => ({
  R: c.R + k,
  O: c.O + k,
  T: c.T + k,
  L: c.L,
});
