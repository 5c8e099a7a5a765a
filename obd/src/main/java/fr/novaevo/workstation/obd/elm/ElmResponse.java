package fr.novaevo.workstation.obd.elm;

import java.util.List;

/**
 * One answer of the adapter, cleaned: no echo, no prompt, no informational lines ({@code SEARCHING...},
 * {@code BUS INIT: ...OK}), no blank lines.
 *
 * @param command the command it answers, as sent
 * @param raw     everything received before the prompt, for the log
 * @param lines   the meaningful lines, trimmed
 */
public record ElmResponse(String command, String raw, List<String> lines) {

    public ElmResponse {
        lines = List.copyOf(lines);
    }

    /** The lines joined by a space: "ELM327 v1.5", "12.6V", "OK". */
    public String text() {
        return String.join(" ", lines);
    }

    public boolean isOk() {
        return lines.size() == 1 && lines.getFirst().equalsIgnoreCase("OK");
    }
}
