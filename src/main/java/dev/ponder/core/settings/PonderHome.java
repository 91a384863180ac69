package dev.ponder.core.settings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * The user's Ponder folder. Chosen by the system property {@code ponder.home}, else the environment
 * variable {@code PONDER_HOME}, else {@code ~/.ponder}; the property exists so tests can point a whole
 * application at a temporary folder.
 */
public record PonderHome(Path dir) {
    public static final String PROPERTY = "ponder.home";
    public static final String ENVIRONMENT = "PONDER_HOME";

    public PonderHome {
        dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    }

    public static PonderHome resolve() {
        return resolve(System.getProperties().getProperty(PROPERTY), System.getenv(), System.getProperty("user.home"));
    }

    static PonderHome resolve(String property, Map<String, String> environment, String userHome) {
        if (property != null && !property.isBlank()) {
            return new PonderHome(Path.of(property));
        }
        String fromEnvironment = environment.get(ENVIRONMENT);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new PonderHome(Path.of(fromEnvironment));
        }
        return new PonderHome(Path.of(userHome, ".ponder"));
    }

    public Path defaultWorkspace() {
        return dir.resolve("default.ponder");
    }

    /** Where model files Ponder ships (the tiny reasoner) are copied for llama.cpp to load. */
    public Path modelsDir() {
        return dir.resolve("models");
    }

    /**
     * Where native libraries are unpacked for loading (llama.cpp's binding): a folder of Ponder's own, since the
     * binding deletes files of its name pattern in whatever folder it is given.
     */
    public Path nativesDir() {
        return dir.resolve("cache").resolve("natives");
    }

    /** Where replays keep their journals: each finished sample, so that a stopped replay resumes. */
    public Path replaysDir() {
        return dir.resolve("replays");
    }

    /** Where Ponder keeps its rotating log files ({@link LogFiles}). */
    public Path logsDir() {
        return dir.resolve("logs");
    }

    public Path settingsFile() {
        return dir.resolve("settings.json");
    }
}
