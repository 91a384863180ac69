/**
 * Answers: extraction from a trace (last boxed answer, "Final Answer:", multiple-choice letters), the
 * MATH benchmark's normalisation ported exactly, numeric equivalence, voting keys, and the graders.
 */
package dev.ponder.core.answer;
