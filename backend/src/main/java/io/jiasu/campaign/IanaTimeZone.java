package io.jiasu.campaign;

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
import java.time.DateTimeException;
import java.time.ZoneId;

/** The name of a time zone Java knows (IANA, such as Asia/Shanghai); null passes and means the default zone. */
@Documented
@Constraint(validatedBy = IanaTimeZone.Check.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@interface IanaTimeZone {
    String message() default "must be an IANA time zone such as Asia/Shanghai";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Asks java.time. */
    class Check implements ConstraintValidator<IanaTimeZone, String> {
        @Override
        public boolean isValid(String zone, ConstraintValidatorContext context) {
            if (zone == null) {
                return true;
            }
            try {
                ZoneId.of(zone);
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        }
    }
}
