package dev.ponder.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShortcutsDialogTest {
    @Test
    void theShortcutKeyIsCommandOnMacAndCtrlElsewhere() {
        assertThat(ShortcutsDialog.forThisPlatform("Ctrl+K", true)).isEqualTo("⌘K");
        assertThat(ShortcutsDialog.forThisPlatform("Ctrl+I (Ctrl+Shift+I: a folder)", true))
                .isEqualTo("⌘I (⇧⌘I: a folder)");
        assertThat(ShortcutsDialog.forThisPlatform("Ctrl+K", false)).isEqualTo("Ctrl+K");
        assertThat(ShortcutsDialog.forThisPlatform("j / k", true)).isEqualTo("j / k");
    }
}
