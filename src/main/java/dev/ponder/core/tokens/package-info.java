/**
 * Counting tokens where a file does not say: with a model's own tokenizer ({@code tokenizer.json}) when
 * the user gives one, else with a stand-in encoding whose counts are flagged as estimates.
 */
package dev.ponder.core.tokens;
