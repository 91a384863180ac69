/**
 * The user's Ponder folder ({@code ~/.ponder}, or {@code PONDER_HOME}) and what persists there between
 * starts: the default workspace, the settings file with window state and recent files.
 */
package dev.ponder.core.settings;
