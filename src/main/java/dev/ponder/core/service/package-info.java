/**
 * The application layer: one class per family of use cases (import, runs, analysis, charts, replay, search,
 * export, annotations, traces, trees), reached through {@link dev.ponder.core.service.WorkspaceServices}, the one
 * door from the window and the command line to an open workspace. Each use case lives here once; a view-model or
 * a command reads its input, calls one service and presents the result. See docs/architecture.md.
 */
package dev.ponder.core.service;
