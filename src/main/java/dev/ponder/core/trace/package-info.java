/**
 * Trace structure: the thinking/answer split (all delimiter styles), segmentation of the thinking into
 * thoughts at blank lines and reflection markers, and the answer timeline along a trace.
 */
package dev.ponder.core.trace;
