package fr.novaevo.workstation.app.bootstrap;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** The log pattern, with every formatted line (message and stack trace) passed through the {@link Redactor}. */
public final class RedactingLayout extends PatternLayout {

    @Override
    public String doLayout(ILoggingEvent event) {
        return Redactor.redact(super.doLayout(event));
    }
}
