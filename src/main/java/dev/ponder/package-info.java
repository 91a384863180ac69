/** Ponder's entry point: the window with no arguments, the command line with a command. */
package dev.ponder;
