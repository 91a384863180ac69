package dev.ponder.core.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SystemAppearanceTest {
    private static final SystemAppearance.Question SILENT = Optional::empty;

    @Test
    void gnomeColourSchemeDecidesUnlessGtkThemeIsForced() {
        assertThat(SystemAppearance.linuxDark(Map.of(), () -> Optional.of("'prefer-dark'\n"), SILENT))
                .contains(true);
        assertThat(SystemAppearance.linuxDark(
                        Map.of(), () -> Optional.of("'prefer-light'\n"), () -> Optional.of("'Adwaita-dark'")))
                .contains(false);
        assertThat(SystemAppearance.linuxDark(
                        Map.of(), () -> Optional.of("'default'\n"), () -> Optional.of("'Yaru-dark'\n")))
                .contains(true);
        assertThat(SystemAppearance.linuxDark(
                        Map.of("GTK_THEME", "Adwaita:dark"), () -> Optional.of("'prefer-light'"), SILENT))
                .contains(true);
        assertThat(SystemAppearance.linuxDark(Map.of(), SILENT, SILENT)).isEmpty();
    }

    @Test
    void macAndWindowsAnswersAreRead() {
        assertThat(SystemAppearance.macDark("Dark\n")).isTrue();
        assertThat(SystemAppearance.macDark("")).isFalse();
        assertThat(SystemAppearance.windowsDark("\r\nHKEY_CURRENT_USER\\Software\\...\\Personalize\r\n"
                        + "    AppsUseLightTheme    REG_DWORD    0x0\r\n"))
                .contains(true);
        assertThat(SystemAppearance.windowsDark("    AppsUseLightTheme    REG_DWORD    0x1\r\n"))
                .contains(false);
        assertThat(SystemAppearance.windowsDark("ERROR: not found")).isEmpty();
    }
}
