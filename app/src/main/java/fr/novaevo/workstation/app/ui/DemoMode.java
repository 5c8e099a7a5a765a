package fr.novaevo.workstation.app.ui;

import fr.novaevo.workstation.app.bootstrap.platform.PlatformSettings;
import fr.novaevo.workstation.core.settings.SettingsStore;

/** The workstation is in demo mode while no vehicle adapter or no platform is configured. */
public final class DemoMode {

    public static final String ADAPTER_PORT = "adapter.port";
    public static final String ADAPTER_BAUD = "adapter.baud";
    public static final String ADAPTER_PROTOCOL = "adapter.protocol";
    public static final String PLATFORM_URL = PlatformSettings.URL;
    public static final String PLATFORM_GARAGE = PlatformSettings.GARAGE;
    public static final String PLATFORM_API_KEY_SECRET = PlatformSettings.API_KEY_SECRET;

    private DemoMode() {
    }

    public static boolean adapterConfigured(SettingsStore settings) {
        return settings.get(ADAPTER_PORT).filter(p -> !p.equalsIgnoreCase("sim")).isPresent();
    }

    public static boolean platformConfigured(SettingsStore settings) {
        return settings.get(PLATFORM_URL).isPresent();
    }

    public static boolean active(SettingsStore settings) {
        return !adapterConfigured(settings) || !platformConfigured(settings);
    }
}
