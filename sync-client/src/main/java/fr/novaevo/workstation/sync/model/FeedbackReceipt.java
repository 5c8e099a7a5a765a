package fr.novaevo.workstation.sync.model;

import java.time.Instant;

/** The {@code 202} answer to a feedback. */
public record FeedbackReceipt(String feedbackId, Instant receivedAt) {
}
