/** Two samples side by side with their thoughts aligned. */
package dev.ponder.app.compare;
