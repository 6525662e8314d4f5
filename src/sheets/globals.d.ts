// The top-level functions the Apps Script bundle defines (Sheets calls them by name).
/* eslint-disable no-var */
declare var KAM_SCORE: (scores: unknown, weights: unknown, scales?: unknown) => unknown[][];
declare var onOpen: (e?: GoogleAppsScript.Events.SheetsOnOpen) => void;
declare var onInstall: (e?: GoogleAppsScript.Events.AddonOnInstall) => void;
declare var showSidebar: () => void;
