package dev.ponder.app.shell;

import dev.ponder.app.Notice;
import dev.ponder.core.PonderVersion;
import java.io.PrintWriter;
import java.io.StringWriter;

/** The text "Copy" puts on the clipboard: what failed, on which versions, and the stack trace, for a bug report. */
final class ErrorReport {
    private ErrorReport() {
    }

    static String of(Notice notice) {
        StringBuilder report = new StringBuilder()
                .append(notice.title()).append('\n')
                .append(notice.message()).append("\n\n")
                .append("Ponder ").append(PonderVersion.current())
                .append(", Java ").append(System.getProperty("java.version"))
                .append(", JavaFX ").append(System.getProperty("javafx.runtime.version"))
                .append(", ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append('\n');
        if (notice.cause() != null) {
            StringWriter trace = new StringWriter();
            notice.cause().printStackTrace(new PrintWriter(trace));
            report.append('\n').append(trace);
        }
        return report.toString();
    }
}
