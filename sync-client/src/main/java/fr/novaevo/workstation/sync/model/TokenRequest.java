package fr.novaevo.workstation.sync.model;

/** {@code POST auth/token}. The API key is a secret: never in {@link #toString()}. */
public record TokenRequest(String garageId, String apiKey) {

    @Override
    public String toString() {
        return "TokenRequest[garageId=" + garageId + ", apiKey=***]";
    }
}
