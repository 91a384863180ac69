/** The look on screen: light or dark (or as the system is set) and the interface font size, applied to every window. */
package dev.ponder.app.theme;
