package dev.ponder.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This build's version, from the properties Maven writes at build time. */
public final class PonderVersion {
    private static final String VERSION = load();

    private PonderVersion() {}

    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = PonderVersion.class.getResourceAsStream("/dev/ponder/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "dev");
            return version.startsWith("${") ? "dev" : version;
        } catch (IOException e) {
            return "dev";
        }
    }
}
