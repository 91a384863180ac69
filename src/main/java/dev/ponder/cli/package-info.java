/**
 * The headless command line ({@code ponder COMMAND}): every command takes {@code --workspace W} (default:
 * the default workspace) and prints machine-readable output with {@code --json}.
 */
package dev.ponder.cli;
