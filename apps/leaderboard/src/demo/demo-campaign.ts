import type { RuleSet, UnitInput } from '@thidua/scoring';
import type { Decision, Grant, RosterUnit } from '../contract.js';
import type { Round } from '../process/phases.js';

/** A statistics file of the demo, as an office would upload it. */
export interface DemoSnapshot {
  asOf: string;
  sourceFileName: string;
  csv: Uint8Array;
  units: UnitInput[];
}

/** A campaign the demo seeds into an empty database: rules, roster and its uploads in order. */
export interface DemoCampaign {
  id: string;
  ruleSet: RuleSet;
  roster: RosterUnit[];
  /** Synthetic figures (dữ liệu minh họa), labelled on every page and export. */
  sample: boolean;
  snapshots: DemoSnapshot[];
  /** The result is final (the document's own appraisal): the last snapshot is finalised when seeded, on this document. */
  final?: Decision;
  /** An index round (ADR 0020), its phases placed from the first start. */
  round?: (now: Date) => Round;
  /** Accounts to try the round with; made at the first start, their passwords shown once. */
  accounts?: { username: string; displayName: string; grants: Grant[] }[];
}
