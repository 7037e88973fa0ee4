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
import java.util.Set;

/** An enum value that must be one of the named constants (a request that may use only some of them). Null passes. */
@Documented
@Constraint(validatedBy = OneOf.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface OneOf {
    String[] value();

    String message();

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Compares the constant's name with the allowed ones. */
    class Check implements ConstraintValidator<OneOf, Enum<?>> {
        private Set<String> allowed;

        @Override
        public void initialize(OneOf rule) {
            this.allowed = Set.of(rule.value());
        }

        @Override
        public boolean isValid(Enum<?> value, ConstraintValidatorContext context) {
            return value == null || allowed.contains(value.name());
        }
    }
}
