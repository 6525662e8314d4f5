// Entry of the Apps Script bundle (dist/sheets/Code.js): custom functions, the add-on menu and the
// wizard's server functions.
import './functions';
import './menu';
import './server';
