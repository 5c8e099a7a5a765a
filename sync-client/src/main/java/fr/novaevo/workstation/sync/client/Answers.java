package fr.novaevo.workstation.sync.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.novaevo.workstation.sync.error.SyncProtocolException;
import fr.novaevo.workstation.sync.model.Booking;
import fr.novaevo.workstation.sync.model.Change;
import fr.novaevo.workstation.sync.model.ChangesPage;
import fr.novaevo.workstation.sync.model.Commission;
import fr.novaevo.workstation.sync.model.OpResult;
import fr.novaevo.workstation.sync.model.PushRequest;
import fr.novaevo.workstation.sync.model.PushResponse;
import java.util.UUID;

/**
 * Reads the platform's answers and checks them against the contract, as pure functions of the bytes:
 * anything that is not a valid answer is a {@link SyncProtocolException}, never another exception and
 * never a half-read value.
 */
public final class Answers {

    private final ObjectMapper json;

    public Answers(ObjectMapper json) {
        this.json = json;
    }

    public <T> T read(byte[] body, Class<T> type) {
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new SyncProtocolException(SyncProtocolException.INVALID_RESPONSE, "empty answer", null);
            }
            return value;
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new SyncProtocolException(SyncProtocolException.INVALID_RESPONSE,
                    "answer is not a valid " + type.getSimpleName(), e);
        }
    }


    /** A pull page, every change checked (type, id, rev, data matching the entity). */
    public ChangesPage changesPage(byte[] body) {
        ChangesPage page = read(body, ChangesPage.class);
        validate(page);
        return page;
    }

    /** A push answer: exactly one valid result per operation, in the batch's order. */
    public PushResponse pushResponse(PushRequest batch, byte[] body) {
        PushResponse response = read(body, PushResponse.class);
        validate(batch, response);
        return response;
    }

    private void validate(ChangesPage page) {
        if (page.nextCursor() == null || page.nextCursor().isEmpty()) {
            throw invalid("page without nextCursor", null);
        }
        for (Change c : page.changes()) {
            if (c.type() == null || c.id() == null || c.rev() < 1) {
                throw invalid("change without type, id or rev", null);
            }
            if (c.deleted()) {
                continue;
            }
            if (c.data() == null || !c.data().isObject()) {
                throw invalid("change " + c.id() + " without data", null);
            }
            try {
                UUID dataId = switch (c.type()) {
                    case BOOKING -> json.treeToValue(c.data(), Booking.class).id();
                    case COMMISSION -> json.treeToValue(c.data(), Commission.class).id();
                    case SALE -> throw invalid("sales are not in the feed", null);
                };
                if (!c.id().equals(dataId)) {
                    throw invalid("change " + c.id() + " carries another entity", null);
                }
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw invalid("change " + c.id() + " is not a valid " + c.type().wire(), e);
            }
        }
    }

    private void validate(PushRequest batch, PushResponse response) {
        if (response.results().size() != batch.ops().size()) {
            throw invalid(response.results().size() + " results for " + batch.ops().size() + " operations", null);
        }
        for (int i = 0; i < batch.ops().size(); i++) {
            OpResult result = response.results().get(i);
            if (!batch.ops().get(i).opId().equals(result.opId())) {
                throw invalid("result " + i + " is not for operation " + batch.ops().get(i).opId(), null);
            }
            try {
                result.outcome();
            } catch (IllegalArgumentException e) {
                throw invalid(e.getMessage(), e);
            }
        }
    }

    private static SyncProtocolException invalid(String message, Throwable cause) {
        return new SyncProtocolException(SyncProtocolException.INVALID_RESPONSE, message, cause);
    }

}
