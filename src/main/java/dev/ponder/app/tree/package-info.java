/**
 * The Tree tab: a problem's search tree (or the tree hidden in its samples) on a zoomable canvas, with its
 * node inspector, path highlights, MCTS iteration playback and paper export.
 */
package dev.ponder.app.tree;
