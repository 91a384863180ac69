/**
 * Scale work: a deterministic generator of realistic synthetic runs at the standard sizes, and the
 * measurements behind {@code ponder bench}. Benchmarks print figures; tests assert behaviour, not speed.
 */
package dev.ponder.core.bench;
