package fr.novaevo.workstation.app.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SettingsValidationTest {

    @Test
    void emptyMeansNotConfiguredAndIsAlwaysAccepted() {
        assertThat(SettingsValidation.siret("")).isTrue();
        assertThat(SettingsValidation.phone(null)).isTrue();
        assertThat(SettingsValidation.adapterPort(" ")).isTrue();
        assertThat(SettingsValidation.platformUrl("")).isTrue();
    }

    @Test
    void adapterPorts() {
        assertThat(SettingsValidation.adapterPort("sim")).isTrue();
        assertThat(SettingsValidation.adapterPort("/dev/ttyUSB0")).isTrue();
        assertThat(SettingsValidation.adapterPort("/dev/pts/3")).isTrue();
        assertThat(SettingsValidation.adapterPort("COM3")).isTrue();
        assertThat(SettingsValidation.adapterPort("tcp:192.168.0.10:35000")).isTrue();
        assertThat(SettingsValidation.adapterPort("tcp:192.168.0.10")).isFalse();
        assertThat(SettingsValidation.adapterPort("tcp:host:99999")).isFalse();
        assertThat(SettingsValidation.adapterPort("COM0")).isFalse();
        assertThat(SettingsValidation.adapterPort("usb")).isFalse();
    }

    @Test
    void platformUrlsFollowTheContract() {
        assertThat(SettingsValidation.platformUrl("https://api.novaevo.fr/v1")).isTrue();
        assertThat(SettingsValidation.platformUrl("http://127.0.0.1:8080/v1")).isTrue();
        assertThat(SettingsValidation.platformUrl("http://localhost/v1")).isTrue();
        assertThat(SettingsValidation.platformUrl("http://api.novaevo.fr/v1")).as("plain http only on loopback").isFalse();
        assertThat(SettingsValidation.platformUrl("ftp://api.novaevo.fr")).isFalse();
        assertThat(SettingsValidation.platformUrl("api.novaevo.fr")).isFalse();
    }

    @Test
    void phones() {
        assertThat(SettingsValidation.phone("01 23 45 67 89")).isTrue();
        assertThat(SettingsValidation.phone("+33 6 12 34 56 78")).isTrue();
        assertThat(SettingsValidation.phone("06.12.34.56.78")).isTrue();
        assertThat(SettingsValidation.phone("+44 20 7946 0958")).isTrue();
        assertThat(SettingsValidation.phone("12345")).isFalse();
        assertThat(SettingsValidation.phone("+33 6 12")).isFalse();
    }
}
