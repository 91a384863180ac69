package dev.ponder.core.settings;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Ponder's log on disk: {@code ponder-0.log} (newest) to {@code ponder-4.log} in the logs folder, each at most
 * 2 MB, so a long session keeps its history without filling the disk. One line per record, with the stack trace
 * of an exception after it.
 */
public final class LogFiles {
    public static final int LIMIT_BYTES = 2 * 1024 * 1024;
    public static final int COUNT = 5;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private LogFiles() {}

    /** The newest log file in {@code dir}. */
    public static Path current(Path dir) {
        return dir.resolve("ponder-0.log");
    }

    /**
     * Sends every INFO record and above of this process to rotating files in {@code dir}; returns the handler so
     * that a caller can remove it again. The name pattern keeps {@code %} out of the folder part, which
     * {@link FileHandler} would read as a placeholder.
     */
    public static Handler install(Path dir) throws IOException {
        Files.createDirectories(dir);
        String pattern = dir.toAbsolutePath().toString().replace("%", "%%") + "/ponder-%g.log";
        FileHandler handler = new FileHandler(pattern, LIMIT_BYTES, COUNT, true);
        handler.setLevel(Level.INFO);
        handler.setEncoding("UTF-8");
        handler.setFormatter(new LineFormatter());
        Logger.getLogger("").addHandler(handler);
        return handler;
    }

    /** {@code 2026-11-23 14:02:11.532 WARNING dev.ponder.X: message}, then the stack trace if any. */
    static final class LineFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder()
                    .append(TIME.format(Instant.ofEpochMilli(record.getMillis())))
                    .append(' ')
                    .append(record.getLevel().getName())
                    .append(' ')
                    .append(record.getLoggerName())
                    .append(": ")
                    .append(formatMessage(record))
                    .append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}
