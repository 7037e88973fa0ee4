package io.jiasu.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;

/** The application/problem+json body of every non-2xx answer. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String title, String detail, List<FieldError> errors) {
        String type = "/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-');
        return new Problem(type, title, status, detail, code, errors);
    }

    public static Problem of(int status, String code, String title, String detail) {
        return of(status, code, title, detail, List.of());
    }
}
