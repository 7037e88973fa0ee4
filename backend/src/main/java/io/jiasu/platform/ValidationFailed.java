package io.jiasu.platform;

import java.util.List;

/** A well-formed request whose values break the rules; each broken field is listed. */
public final class ValidationFailed extends ApiException {
    public ValidationFailed(List<FieldError> errors) {
        super(422, "VALIDATION_FAILED", "Validation failed", "Some fields are not valid.", errors);
    }
}
