package fr.novaevo.workstation.sync.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An {@code application/problem+json} body; clients branch on {@code code} only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, Integer status, String code, String detail) {

    public static Problem of(int status, String code, String detail) {
        return new Problem("https://api.novaevo.fr/problems/" + code, title(code), status, code, detail);
    }

    private static String title(String code) {
        return code.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + code.substring(1).replace('_', ' ');
    }
}
