// Entry of the Apps Script bundle (dist/sheets/Code.js): custom functions and the add-on menu.
import './functions';
import './menu';
