// The top-level functions the Apps Script bundle defines (Sheets calls them by name).
/* eslint-disable no-var */
declare var KAM_SCORE: (scores: unknown, weights: unknown, scales?: unknown) => unknown[][];
declare var KAM_STRENGTH: (yours: unknown, best_rival: unknown, weights: unknown) => unknown[][];
declare var KAM_POSITION: (attractiveness: unknown, strength: unknown, attractiveness_cut?: unknown, strength_cut?: unknown) => unknown[][];
declare var KAM_SELECT: (accounts: unknown, values: unknown, capacity: unknown, costs?: unknown, output?: unknown) => unknown[][];
declare var KAM_REWARD: (positions: unknown, actuals: unknown, targets: unknown, plan?: unknown) => unknown[][];
declare var KAM_CLV: (margins: unknown, retention: unknown, discount_rate: unknown, years?: unknown) => unknown[][];
declare var KAM_FLAGS: (revenue: unknown, attractiveness: unknown, profit: unknown, tenure?: unknown, options?: unknown) => unknown[][];
declare var KAM_STABILITY: (scores: unknown, weights: unknown, scales?: unknown, cut?: unknown, factor_names?: unknown) => unknown[][];
declare var KAM_CAPACITY: (values: unknown, costs: unknown, capacities: unknown) => unknown[][];
declare var KAM_DRIFT: (previous_positions: unknown, positions: unknown) => unknown[][];
declare var onOpen: (e?: GoogleAppsScript.Events.SheetsOnOpen) => void;
declare var onInstall: (e?: GoogleAppsScript.Events.AddonOnInstall) => void;
declare var showSidebar: () => void;
