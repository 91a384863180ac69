/**
 * What every screen shares: the open workspace's session, the user's settings as a property, notices, how numbers
 * are shown, FXML loading, table columns, tag chips, file drops. Depends on no screen.
 */
package dev.ponder.app.common;
