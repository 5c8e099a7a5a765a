package fr.novaevo.workstation.sync.model;

import java.util.List;

/** The body of {@code POST sync/push}: 1 to 100 operations. */
public record PushRequest(List<PushOp> ops) {

    public static final int MAX_OPS = 100;

    public PushRequest {
        ops = ops == null ? List.of() : List.copyOf(ops);
    }
}
