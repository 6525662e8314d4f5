// The Sheets add-on menu and sidebar. onOpen must not need authorisation (it runs in AuthMode.NONE).

/** Builds the add-on menu when the spreadsheet opens. */
global.onOpen = (_e?: GoogleAppsScript.Events.SheetsOnOpen) => {
  SpreadsheetApp.getUi().createAddonMenu()
    .addItem('Open KAM Portfolio', 'showSidebar')
    .addItem('Rewrite KAM formulas for Google Sheets', 'kamRewriteFromMenu')
    .addToUi();
};

/** Runs on install from the Marketplace, so the menu appears without reopening the file. */
global.onInstall = (e?: GoogleAppsScript.Events.AddonOnInstall) => {
  global.onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
};

/** Opens the wizard in the sidebar (the same page as Excel's taskpane, with its scripts inlined). */
global.showSidebar = () => {
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('KAM Portfolio');
  SpreadsheetApp.getUi().showSidebar(page);
};
