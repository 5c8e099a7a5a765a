package fr.novaevo.workstation.sync.model;

/** {@code POST auth/refresh}. The refresh token is a secret: never in {@link #toString()}. */
public record RefreshRequest(String refreshToken) {

    @Override
    public String toString() {
        return "RefreshRequest[refreshToken=***]";
    }
}
