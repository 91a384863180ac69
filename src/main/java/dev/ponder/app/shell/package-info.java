/**
 * The main window: menus, the split between the run browser and the centre screen, the status bar,
 * opening and creating workspaces, importing files, recent files and window state.
 */
package dev.ponder.app.shell;
