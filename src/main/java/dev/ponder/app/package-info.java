/**
 * The JavaFX application. One package per screen, each a View (FXML controller that only binds and
 * delegates) and a ViewModel (properties and commands, never controls); background work goes through
 * the {@link dev.ponder.core.task.TaskRunner}.
 */
package dev.ponder.app;
