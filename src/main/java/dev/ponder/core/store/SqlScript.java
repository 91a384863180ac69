package dev.ponder.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits Ponder's own schema scripts into statements: a statement ends with a line ending in ';',
 * except inside a trigger, which ends with a line reading {@code END;}. Lines starting with
 * {@code --} are comments. This is not a general SQL parser and need not be one.
 */
final class SqlScript {
    private SqlScript() {}

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String rawLine : script.split("\\R")) {
            String line = rawLine.strip();
            if (line.isEmpty() || line.startsWith("--")) {
                continue;
            }
            if (current.length() == 0) {
                inTrigger = line.toUpperCase(Locale.ROOT).startsWith("CREATE TRIGGER");
            }
            current.append(rawLine).append('\n');
            boolean ends = inTrigger ? line.equalsIgnoreCase("END;") : line.endsWith(";");
            if (ends) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("schema script ends inside a statement: "
                    + current.toString().strip());
        }
        return statements;
    }
}
