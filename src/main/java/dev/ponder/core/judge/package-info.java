/**
 * A model as a grader: Ponder's fixed prompt asking whether an answer states the same result as the gold, one
 * question per distinct answer–gold pair, through a saved model connection; never the default grader.
 */
package dev.ponder.core.judge;
