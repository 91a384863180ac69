/** A problem's vote distribution and samples list, and its tags and note. */
package dev.ponder.app.samples;
