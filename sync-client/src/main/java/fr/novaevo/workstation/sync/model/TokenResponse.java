package fr.novaevo.workstation.sync.model;

/** The answer of {@code auth/token} and {@code auth/refresh}. Tokens are secrets: never in {@link #toString()}. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {

    @Override
    public String toString() {
        return "TokenResponse[tokenType=" + tokenType + ", expiresIn=" + expiresIn + ", tokens=***]";
    }
}
