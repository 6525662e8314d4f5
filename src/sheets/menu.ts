// The Sheets add-on menu and sidebar. onOpen must not need authorisation (it runs in AuthMode.NONE).
import { languageFromTag, translator } from '../core/i18n';

/**
 * The menu in the user's language. Session.getActiveUserLocale needs no authorisation scope; should a mode
 * ever refuse it, the menu is built in English rather than not at all.
 */
function menuTranslator(): ReturnType<typeof translator> {
  try {
    return translator(languageFromTag(Session.getActiveUserLocale()));
  } catch {
    return translator('en');
  }
}

/** Builds the add-on menu when the spreadsheet opens. */
global.onOpen = (_e?: GoogleAppsScript.Events.SheetsOnOpen) => {
  const t = menuTranslator();
  SpreadsheetApp.getUi().createAddonMenu()
    .addItem(t('host.menu.open'), 'showSidebar')
    .addItem(t('host.menu.rewrite'), 'kamRewriteFromMenu')
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
