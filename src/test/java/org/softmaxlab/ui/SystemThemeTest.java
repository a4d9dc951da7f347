package org.softmaxlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reading the desktop's light or dark preference from what each desktop prints. */
class SystemThemeTest {
    @Test
    void gtkThemeNamesDarkOrLight() {
        assertEquals(Optional.of(true), SystemTheme.gtkThemeDark(Map.of("GTK_THEME", "Adwaita:dark")));
        assertEquals(Optional.of(true), SystemTheme.gtkThemeDark(Map.of("GTK_THEME", "Yaru-Dark")));
        assertEquals(Optional.of(false), SystemTheme.gtkThemeDark(Map.of("GTK_THEME", "Adwaita")));
        assertEquals(Optional.empty(), SystemTheme.gtkThemeDark(Map.of()));
    }

    @Test
    void gnomeColorScheme() {
        assertEquals(Optional.of(true), SystemTheme.gnomeDark("'prefer-dark'\n"));
        assertEquals(Optional.of(false), SystemTheme.gnomeDark("'default'\n"));
        assertEquals(Optional.of(false), SystemTheme.gnomeDark("'prefer-light'\n"));
        assertEquals(Optional.empty(), SystemTheme.gnomeDark(null));
    }

    @Test
    void macOsInterfaceStyle() {
        assertTrue(SystemTheme.macOsDark("Dark\n"));
        // In light mode the key is absent and the command fails: no output.
        assertFalse(SystemTheme.macOsDark(null));
    }

    @Test
    void windowsAppsUseLightTheme() {
        String key = "\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\n"
                + "    AppsUseLightTheme    REG_DWORD    ";
        assertEquals(Optional.of(true), SystemTheme.windowsDark(key + "0x0\n\n"));
        assertEquals(Optional.of(false), SystemTheme.windowsDark(key + "0x1\n\n"));
        assertEquals(Optional.empty(), SystemTheme.windowsDark("ERROR: The system was unable to find the key"));
    }
}
