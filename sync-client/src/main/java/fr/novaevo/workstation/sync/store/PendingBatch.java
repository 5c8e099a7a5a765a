package fr.novaevo.workstation.sync.store;

import fr.novaevo.workstation.sync.model.PushRequest;
import java.util.UUID;

/**
 * A batch to send: a new one, or the unanswered one to send again unchanged (same key, same body).
 *
 * @param resend true when this batch was sent before without an answer
 */
public record PendingBatch(UUID idempotencyKey, PushRequest request, boolean resend) {
}
