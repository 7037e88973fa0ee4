package io.jiasu.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;

/**
 * Checks a request record against the constraints on it, from inside a service: for the requests whose refusal must
 * still be audited or counted, or must come after a rule of the service's own (see the backend README). Resources
 * check the others with {@code @Valid}; both end in the same VALIDATION_FAILED.
 */
@ApplicationScoped
public class Validation {
    private final Validator validator;

    Validation(Validator validator) {
        this.validator = validator;
    }

    /** The request itself when it keeps every rule; else fails with VALIDATION_FAILED naming each broken field. */
    public <T> T valid(T request) {
        if (request == null) {
            throw new ValidationFailed(List.of(new FieldError("body", "is required")));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw ValidationFailed.of(violations);
        }
        return request;
    }
}
