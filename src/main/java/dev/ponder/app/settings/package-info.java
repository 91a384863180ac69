/** The Settings dialog: appearance, analysis defaults, chart style, model connections; validated, with Reset. */
package dev.ponder.app.settings;
