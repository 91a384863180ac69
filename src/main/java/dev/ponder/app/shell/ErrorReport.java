package dev.ponder.app.shell;

import dev.ponder.app.common.Notice;
import dev.ponder.core.service.Versions;
import java.io.PrintWriter;
import java.io.StringWriter;

/** The text "Copy" puts on the clipboard: what failed, on which versions, and the stack trace, for a bug report. */
final class ErrorReport {
    private ErrorReport() {}

    static String of(Notice notice) {
        StringBuilder report = new StringBuilder()
                .append(notice.title())
                .append('\n')
                .append(notice.message())
                .append("\n\n")
                .append(Versions.describe())
                .append('\n');
        if (notice.cause() != null) {
            StringWriter trace = new StringWriter();
            notice.cause().printStackTrace(new PrintWriter(trace));
            report.append('\n').append(trace);
        }
        return report.toString();
    }
}
