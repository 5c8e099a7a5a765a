package fr.novaevo.workstation.sync.model;

import java.time.Instant;

/** {@code GET releases/latest}: the newest version of the workstation for an OS, architecture and channel. */
public record Release(String version, Instant publishedAt, String notes, String url, String sha256) {
}
