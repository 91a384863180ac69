/**
 * Re-running strategies against a model: model back-ends (OpenAI-compatible HTTP, embedded llama.cpp), prompt templates, and the strategies (budget forcing, multi-round thinking, parallel sampling, branch from here, first finish).
 */
package dev.ponder.core.replay;
