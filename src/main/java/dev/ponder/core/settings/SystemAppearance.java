package dev.ponder.core.settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether the operating system is set to a dark appearance. JavaFX 21 cannot tell (its platform preferences
 * arrived in JavaFX 22), so this asks the system the way its own settings tools do: GNOME's {@code color-scheme}
 * (or a dark GTK theme), macOS's {@code AppleInterfaceStyle}, Windows' {@code AppsUseLightTheme}. Where none of
 * them answers, it cannot be told, and Ponder stays light.
 */
public final class SystemAppearance {
    private static final long TIMEOUT_MS = 2000;

    private SystemAppearance() {}

    /** Dark, light, or empty when the system does not say. Runs a small process: call it off the UI thread. */
    public static Optional<Boolean> prefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return ask(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                    .map(SystemAppearance::macDark)
                    .or(() -> Optional.of(false));
        }
        if (os.contains("win")) {
            return ask(List.of(
                            "reg",
                            "query",
                            "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                            "/v",
                            "AppsUseLightTheme"))
                    .flatMap(SystemAppearance::windowsDark);
        }
        return linuxDark(
                System.getenv(),
                () -> ask(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")),
                () -> ask(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme")));
    }

    interface Question {
        Optional<String> answer();
    }

    /** GTK_THEME wins (it overrides the desktop's theme for the app); then GNOME's colour scheme; then its theme name. */
    static Optional<Boolean> linuxDark(Map<String, String> environment, Question colorScheme, Question gtkTheme) {
        String forced = environment.get("GTK_THEME");
        if (forced != null && !forced.isBlank()) {
            return Optional.of(forced.toLowerCase(Locale.ROOT).contains("dark"));
        }
        Optional<String> scheme = colorScheme.answer().map(String::strip);
        if (scheme.isPresent() && scheme.get().contains("prefer-dark")) {
            return Optional.of(true);
        }
        if (scheme.isPresent() && scheme.get().contains("prefer-light")) {
            return Optional.of(false);
        }
        return gtkTheme.answer().map(theme -> theme.toLowerCase(Locale.ROOT).contains("dark"));
    }

    /** {@code defaults read -g AppleInterfaceStyle} prints "Dark" in dark mode and fails in light mode. */
    static boolean macDark(String output) {
        return output.strip().equalsIgnoreCase("dark");
    }

    /** {@code AppsUseLightTheme REG_DWORD 0x0} means dark. */
    static Optional<Boolean> windowsDark(String output) {
        for (String line : output.split("\\R")) {
            if (line.contains("AppsUseLightTheme")) {
                String value = line.strip().replaceAll(".*\\s", "");
                return Optional.of(value.equals("0x0") || value.equals("0"));
            }
        }
        return Optional.empty();
    }

    /** What the command prints, or empty if it cannot run, fails, or takes too long. */
    private static Optional<String> ask(List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output;
            try (InputStream in = process.getInputStream()) {
                if (!process.waitFor(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    return Optional.empty();
                }
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
