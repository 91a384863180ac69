/**
 * Everything Ponder does without a window: reading run files, the workspace, analysis, charts, replay
 * and export. Nothing here depends on JavaFX or on the {@code app} and {@code cli} packages.
 */
package dev.ponder.core;
