package io.jiasu.platform;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text a person typed ({@link Text}): {@code min} to {@code max} code points after trimming, and no control
 * characters unless allowed. Null passes; pair it with {@code @NotNull} where a value is required.
 */
@Documented
@Constraint(validatedBy = PlainText.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface PlainText {
    int min() default 0;

    int max();

    /** Whether line breaks and other control characters may appear (a description of several lines). */
    boolean controlCharacters() default false;

    String message() default "must be plain text of the allowed length";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Says what is wrong in the words {@link Text} uses everywhere. */
    class Check implements ConstraintValidator<PlainText, String> {
        private PlainText rule;

        @Override
        public void initialize(PlainText rule) {
            this.rule = rule;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem =
                    value == null ? null : Text.problemWith(value, rule.min(), rule.max(), rule.controlCharacters());
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }
    }
}
