/** Classes that break the architecture rules on purpose, so a test can show the rules catch them. */
package dev.ponder.app.archfixture;
