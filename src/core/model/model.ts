// The KAM model: every setting of a portfolio (factors, weights, scales, strength, cuts, capacity,
// lifetime value, flags; the reward plan is a table beside it). The command line reads it from JSON;
// the wizard stores it in the workbook's "KAM Model" sheet; model/defaults.ts derives one from the data.
import type { BehaviourSignal } from './behaviour';


/** Where a factor's raw value comes from: a recognised account field, or a numeric column by header. */
export type AccountField = 'revenue' | 'profit' | 'margin' | 'costToServe' | 'growth' | 'tenure' | 'orders' | 'effort';

/** An account field, or "column:<header>" for another numeric column of the source. */
export type FactorSource = AccountField | `column:${string}`;

export interface AttractivenessFactor {
  /** The label users see, e.g. "Revenue potential". */
  name: string;
  /** An account field, or "column:<header>" for another numeric column of the source. */
  source: FactorSource;
  /** Points; weights are normalised, so any total works (the wizard shows them against 100). */
  weight: number;
  /** The raw value that scores 0 and the one that scores 10; worst > best means lower is better. */
  worst: number;
  best: number;
  /**
   * How values between worst and best are placed: linearly (the default, left out), or on a log scale, where
   * equal ratios count the same (money spread over orders of magnitude; both anchors above 0).
   */
  scale?: 'log';
}

/** One of the customer's buying criteria, rated for you and for your best rival (e.g. 1-10). */
export interface StrengthCriterion {
  name: string;
  yours: FactorSource;
  rival: FactorSource;
  weight: number;
}

export type StrengthSource =
  /** A column that already holds relative strength (1 = parity with the best rival). */
  | { kind: 'column'; source: FactorSource }
  /** Your ratings against your best rival's on the customer's criteria: KAM_STRENGTH. */
  | { kind: 'ratings'; criteria: StrengthCriterion[] }
  /** The relationship stage as a proxy: each stage maps to a relative strength. */
  | { kind: 'stage'; byStage: Record<string, number>; unknown: number }
  /**
   * What the orders show, as a proxy when no rating and no stage exist: each signal's weight (see
   * behaviour.ts). A proxy ranked across the portfolio: 1 is the middle relationship, not parity.
   */
  | { kind: 'behaviour'; signals: Record<BehaviourSignal, number> };

/** What the selection maximises: attractiveness, profit after cost to serve, lifetime value, or a column. */
export type SelectionObjective = 'attractiveness' | 'profit' | 'lifetimeValue' | `column:${string}`;

/** Where each key account's days a year come from. */
export type CostFrom =
  /** The same days for every account: the default, since days by stage are only a guess. */
  | 'equal'
  /** By relationship stage: deeper relationships cost more (the stage table's days). */
  | 'stage'
  /** The data's effort column (days a year per account). */
  | 'effort';

export type Cut = number | 'median';

export interface KamModel {
  version: 1;
  factors: AttractivenessFactor[];
  strength: StrengthSource;
  /**
   * The stage values of the data and the stage of the tables each one means ("Básica" → "Basic"); a
   * value mapped to "" names no stage. Values not listed are read by the stage vocabulary (stages.ts).
   */
  stageNames: Record<string, string>;
  cuts: { attractiveness: Cut; strength: Cut };
  capacity: {
    /** Team days a year available for key-account work. */
    days: number;
    /** Where each key account's days come from. */
    costFrom: CostFrom;
    /** Days a year a key account needs, by relationship stage (used when costFrom is "stage"). */
    costByStage: Record<string, number>;
    /** Days a year per key account: every account's when costFrom is "equal", else an account's with no stage or effort. */
    otherwise: number;
    /** Days a year for named accounts (by account name, any case), whatever costFrom says. */
    accountDays: Record<string, number>;
    /** What the selection maximises. */
    value: SelectionObjective;
    /**
     * Whether a loss-making account (flagged Difficult) may be key when it is a Star: the method lets a
     * Star be unprofitable for a while. Off by default: loss-makers are never key.
     */
    lossMakingStars: boolean;
  };
  lifetimeValue: { retention: number; discountRate: number; years: number | null };
  flags: { bigNameTopShare: number; oldFriendYears: number; attractivenessCut: number };
  /** Warning thresholds from the method: ~50 key accounts in all, ~15 per manager. */
  limits: { keyAccounts: number; perManager: number };
  /** What the portfolio review marks and warns about, beyond the matrix. */
  review: {
    /**
     * A placement is fragile when moving at most this many weight points (of 100) onto or away from one
     * factor changes its side of the attractiveness cut (KAM_STABILITY). 0 to 100.
     */
    fragilePoints: number;
    /**
     * A segment holding at least this share of the revenue, or of the attractive accounts (Strategic and
     * Star), without a single key account gets a warning (method, point 5: each segment holds key accounts).
     */
    segmentShare: number;
  };
}

/** Weight points within which a shift that changes a placement marks it fragile: a twentieth of the weights. */
export const DEFAULT_FRAGILE_POINTS = 5;
/** The share of revenue or of attractive accounts from which a segment should hold a key account. */
export const DEFAULT_SEGMENT_SHARE = 0.15;

/** Relationship stages in the method's order (Disintegrating can happen at any stage). */
export const STAGES = ['Exploratory', 'Basic', 'Cooperative', 'Interdependent', 'Integrated', 'Disintegrating'] as const;

/**
 * Stage as a strength proxy: Cooperative is parity (one of several suppliers); deeper stages are
 * stronger than the best rival, earlier ones weaker.
 */
export const DEFAULT_STAGE_STRENGTH: Record<string, number> = {
  Exploratory: 0.5, Basic: 0.75, Cooperative: 1, Interdependent: 1.25, Integrated: 1.5, Disintegrating: 0.5,
};

/**
 * Team days a year a key account takes at each stage: deeper relationships cost more. A guess, so it is
 * used only when the user chooses costs by stage; by default every key account costs the same.
 */
export const DEFAULT_STAGE_COST: Record<string, number> = {
  Exploratory: 20, Basic: 20, Cooperative: 30, Interdependent: 45, Integrated: 60, Disintegrating: 30,
};

/** Days a key account manager can give to key accounts in a year, for the default capacity. */
export const DAYS_PER_MANAGER = 150;
/**
 * The default team: four key account managers' worth of days (fewer if the data names fewer), about
 * 20 key accounts at 30 days each — inside the method's 15–35, well below its ceiling of 50.
 */
export const DEFAULT_TEAM_DAYS = 4 * DAYS_PER_MANAGER;

/** The numeric account fields a factor or a strength can come from. */
export const ACCOUNT_FIELDS: AccountField[] = ['revenue', 'profit', 'margin', 'costToServe', 'growth', 'tenure', 'orders', 'effort'];

/** Days a year per key account when every account costs the same: 20 key accounts on the default team. */
export const DEFAULT_ACCOUNT_DAYS = 30;
