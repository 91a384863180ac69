/**
 * Answers: extraction from a trace (last boxed answer, "Final Answer:", multiple-choice letters), normalisation and equivalence (the MATH benchmark's rules plus numeric equivalence), and the pluggable graders.
 */
package dev.ponder.core.answer;
