package io.jiasu.platform;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** A well-formed request whose values break the rules; each broken field is listed. */
public final class ValidationFailed extends ApiException {
    public ValidationFailed(List<FieldError> errors) {
        super(422, "VALIDATION_FAILED", "Validation failed", "Some fields are not valid.", errors);
    }

    /** The violations Hibernate Validator found, one field error each, in field order. */
    public static ValidationFailed of(Collection<? extends ConstraintViolation<?>> violations) {
        return new ValidationFailed(violations.stream()
                .map(v -> new FieldError(field(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList());
    }

    /**
     * The field as clients name it: the property path inside the request ({@code schedule[1].helpers}), or the
     * parameter's own name when the violation is on a parameter itself (a query parameter, a missing body).
     */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.isInIterable()) {
                    field.append('[')
                            .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                            .append(']');
                }
                if (node.getKind() == ElementKind.PROPERTY) {
                    field.append(field.isEmpty() ? "" : ".").append(node.getName());
                }
            }
        }
        return !field.isEmpty() ? field.toString() : parameter != null ? parameter : "body";
    }
}
