// The wizard's server functions in the Apps Script bundle (the sidebar calls them by name).
/* eslint-disable no-var */
declare var kamReadSelection: (scope: import('../core/workbook/plan').RegionScope, language?: import('../core/i18n').Language) => import('../core/workbook/plan').SourceRegion;
declare var kamUserLocale: () => string;
declare var kamReadSheet: (name: string, range?: string) => import('../core/workbook/plan').SourceRegion | null;
declare var kamListSheets: () => import('../core/workbook/plan').SheetInfo[];
declare var kamApplyPlan: (plan: import('../core/workbook/plan').WorkbookPlan) => import('../core/workbook/plan').ApplyResult;
declare var kamRewriteFormulas: () => import('../core/workbook/plan').RewriteSummary;
declare var kamRemoveBuilt: (names: string[]) => import('../core/workbook/plan').RemoveResult;
declare var kamRewriteFromMenu: () => void;
