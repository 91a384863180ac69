/**
 * Search trees: mapping tree formats to nodes, the prefix tree hidden in a problem's N samples, and tidy layout.
 */
package dev.ponder.core.tree;
